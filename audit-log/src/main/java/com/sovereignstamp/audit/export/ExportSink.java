package com.sovereignstamp.audit.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Where the export's files go, one after the other: a directory or a zip stream. */
interface ExportSink {
  /** Opens the next file; the writer closes it before it opens another. */
  OutputStream open(String name) throws IOException;

  /** New files in {@code dir}; an existing file of the same name is not overwritten. */
  static ExportSink directory(Path dir) {
    return name ->
        new BufferedOutputStream(
            Files.newOutputStream(
                dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            1 << 16);
  }

  /** Entries of a zip; closing a file closes its entry, not the zip. */
  static ExportSink zip(ZipOutputStream zip) {
    return name -> {
      zip.putNextEntry(new ZipEntry(name));
      return new FilterOutputStream(zip) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          zip.closeEntry();
        }
      };
    };
  }
}

/*
 * A PKCS#11 module that forwards to another (SoftHSM2) and can lose its "link" on demand: while the
 * file named by HSM_LINK_CUT_FILE exists, every call that would reach the HSM answers
 * CKR_DEVICE_REMOVED (C_Initialize: CKR_DEVICE_ERROR), as a network HSM's client module does when
 * its connection is gone; once the file is removed, calls reach the HSM again. Test fixture of the
 * HSM bridge and the appliance (HsmLinkShim.java builds and drives it); p11-kit's remoting would be
 * the natural choice but Debian 12's p11-kit 0.24.1 does not carry AES-GCM parameters.
 *
 *   HSM_LINK_TARGET    the real module (default /usr/lib/softhsm/libsofthsm2.so)
 *   HSM_LINK_CUT_FILE  while this file exists, the link is cut
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CRYPTOKI_GNU
#include <p11-kit/pkcs11.h>

static struct ck_function_list *real;
static struct ck_function_list shim;

static int cut(void) {
  const char *f = getenv("HSM_LINK_CUT_FILE");
  return f != NULL && access(f, F_OK) == 0;
}

#define CUT_RV CKR_DEVICE_REMOVED

static ck_rv_t s_initialize(void *args) {
  return cut() ? CKR_DEVICE_ERROR : real->C_Initialize(args);
}
static ck_rv_t s_get_slot_list(unsigned char present, ck_slot_id_t *list, unsigned long *count) {
  return cut() ? CUT_RV : real->C_GetSlotList(present, list, count);
}
static ck_rv_t s_get_token_info(ck_slot_id_t slot, struct ck_token_info *info) {
  return cut() ? CUT_RV : real->C_GetTokenInfo(slot, info);
}
static ck_rv_t s_open_session(ck_slot_id_t slot, ck_flags_t flags, void *app, ck_notify_t notify,
                              ck_session_handle_t *session) {
  return cut() ? CUT_RV : real->C_OpenSession(slot, flags, app, notify, session);
}
static ck_rv_t s_login(ck_session_handle_t s, ck_user_type_t type, unsigned char *pin,
                       unsigned long len) {
  return cut() ? CUT_RV : real->C_Login(s, type, pin, len);
}
static ck_rv_t s_find_objects_init(ck_session_handle_t s, struct ck_attribute *t,
                                   unsigned long n) {
  return cut() ? CUT_RV : real->C_FindObjectsInit(s, t, n);
}
static ck_rv_t s_find_objects(ck_session_handle_t s, ck_object_handle_t *o, unsigned long max,
                              unsigned long *n) {
  return cut() ? CUT_RV : real->C_FindObjects(s, o, max, n);
}
static ck_rv_t s_get_attribute_value(ck_session_handle_t s, ck_object_handle_t o,
                                     struct ck_attribute *t, unsigned long n) {
  return cut() ? CUT_RV : real->C_GetAttributeValue(s, o, t, n);
}
static ck_rv_t s_set_attribute_value(ck_session_handle_t s, ck_object_handle_t o,
                                     struct ck_attribute *t, unsigned long n) {
  return cut() ? CUT_RV : real->C_SetAttributeValue(s, o, t, n);
}
static ck_rv_t s_encrypt_init(ck_session_handle_t s, struct ck_mechanism *m, ck_object_handle_t k) {
  return cut() ? CUT_RV : real->C_EncryptInit(s, m, k);
}
static ck_rv_t s_encrypt(ck_session_handle_t s, unsigned char *d, unsigned long dl,
                         unsigned char *e, unsigned long *el) {
  return cut() ? CUT_RV : real->C_Encrypt(s, d, dl, e, el);
}
static ck_rv_t s_decrypt_init(ck_session_handle_t s, struct ck_mechanism *m, ck_object_handle_t k) {
  return cut() ? CUT_RV : real->C_DecryptInit(s, m, k);
}
static ck_rv_t s_decrypt(ck_session_handle_t s, unsigned char *e, unsigned long el,
                         unsigned char *d, unsigned long *dl) {
  return cut() ? CUT_RV : real->C_Decrypt(s, e, el, d, dl);
}
static ck_rv_t s_generate_random(ck_session_handle_t s, unsigned char *r, unsigned long n) {
  return cut() ? CUT_RV : real->C_GenerateRandom(s, r, n);
}
static ck_rv_t s_sign_init(ck_session_handle_t s, struct ck_mechanism *m, ck_object_handle_t k) {
  return cut() ? CUT_RV : real->C_SignInit(s, m, k);
}
static ck_rv_t s_sign(ck_session_handle_t s, unsigned char *d, unsigned long dl,
                      unsigned char *sig, unsigned long *sl) {
  return cut() ? CUT_RV : real->C_Sign(s, d, dl, sig, sl);
}

ck_rv_t C_GetFunctionList(struct ck_function_list **list) {
  if (list == NULL) {
    return CKR_ARGUMENTS_BAD;
  }
  if (real == NULL) {
    const char *target = getenv("HSM_LINK_TARGET");
    void *lib = dlopen(target != NULL ? target : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW);
    if (lib == NULL) {
      return CKR_GENERAL_ERROR;
    }
    CK_C_GetFunctionList get = (CK_C_GetFunctionList)dlsym(lib, "C_GetFunctionList");
    if (get == NULL || get(&real) != CKR_OK) {
      return CKR_GENERAL_ERROR;
    }
    memcpy(&shim, real, sizeof shim);
    shim.C_GetFunctionList = C_GetFunctionList;
    shim.C_Initialize = s_initialize;
    shim.C_GetSlotList = s_get_slot_list;
    shim.C_GetTokenInfo = s_get_token_info;
    shim.C_OpenSession = s_open_session;
    shim.C_Login = s_login;
    shim.C_FindObjectsInit = s_find_objects_init;
    shim.C_FindObjects = s_find_objects;
    shim.C_GetAttributeValue = s_get_attribute_value;
    shim.C_SetAttributeValue = s_set_attribute_value;
    shim.C_EncryptInit = s_encrypt_init;
    shim.C_Encrypt = s_encrypt;
    shim.C_DecryptInit = s_decrypt_init;
    shim.C_Decrypt = s_decrypt;
    shim.C_GenerateRandom = s_generate_random;
    shim.C_SignInit = s_sign_init;
    shim.C_Sign = s_sign;
  }
  *list = &shim;
  return CKR_OK;
}

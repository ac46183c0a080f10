/* Stand-in for the ICU that Windows 10 ships as system32\icuuc.dll; Wine 8.0
 * has none, and Qt6Core imports its converter functions (ucnv_*).
 *
 * Every converter fails to open, as it would on an ICU without that codec:
 * Qt then keeps to its own UTF-8/UTF-16/Latin-1 codecs, the only ones Handoff
 * uses. Built by tools/windows-check into the throw-away Wine prefix only,
 * never into the bundle. On x64 one calling convention covers every signature,
 * so the functions that are never reached without an open converter are
 * plain stubs.
 */
#include <stddef.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

__declspec(dllexport) void *ucnv_open(const char *name, UErrorCode *error)
{
    (void)name;
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

__declspec(dllexport) int ucnv_countAvailable(void) { return 0; }
__declspec(dllexport) const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
__declspec(dllexport) const char *ucnv_getStandardName(const char *name, const char *standard,
                                                         UErrorCode *error)
{
    (void)name; (void)standard;
    if (error && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

#define STUB(name) __declspec(dllexport) size_t name(void) { return 0; }
STUB(ucnv_close)
STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize)
STUB(ucnv_getName)
STUB(ucnv_getToUCallBack)
STUB(ucnv_getFromUCallBack)
STUB(ucnv_setToUCallBack)
STUB(ucnv_setFromUCallBack)
STUB(ucnv_cbToUWriteUChars)
STUB(ucnv_cbFromUWriteUChars)
STUB(ucnv_toUnicode)
STUB(ucnv_fromUnicode)
STUB(ucnv_toUCountPending)
STUB(ucnv_fromUCountPending)
STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE)

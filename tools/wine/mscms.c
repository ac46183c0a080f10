/* Stand-in for mscms.dll: Wine 8.0's WcsCreateIccProfile aborts the process
 * when Qt's windows platform plugin starts (qwindows.dll asks for the
 * screen's colour profile). Loaded instead of Wine's own with
 * WINEDLLOVERRIDES=mscms=n,b, in the throw-away prefix only, never in the
 * bundle. It answers "no colour profile", which Qt handles as an sRGB screen.
 * It exports exactly what qwindows.dll imports.
 */
#include <windows.h>

HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}

BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }

BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size)
{
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD intent)
{
    (void)profile; (void)intent;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}

/* Stand-in for Windows 10's bcryptprimitives.dll, which Wine 8.0 lacks.
 *
 * Rust >= 1.78 takes its randomness from ProcessPrng; the Rust extensions
 * Handoff installs (cryptography, bcrypt, python-calamine) refuse to load
 * without it. Built by tools/windows-check into the throw-away Wine prefix
 * only: never into the bundle, never onto a real Windows machine (which has
 * the real DLL). The randomness comes from Wine's RtlGenRandom.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

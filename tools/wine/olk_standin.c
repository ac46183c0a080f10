/* Stand-in for the new Outlook (olk.exe) for tests/test_windows_mail.py under
 * Wine: registered under App Paths, it writes the command line it was started
 * with (UTF-8) into the file named by HANDOFF_OLK_RECORD and stays up for a
 * few seconds, as a mail program does. Built by tools/windows-check; test
 * machinery only.
 */
#include <windows.h>
#include <stdio.h>

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR args, int show)
{
    WCHAR path[MAX_PATH];
    char line[8192] = "";
    (void)instance; (void)previous; (void)args; (void)show;
    if (GetEnvironmentVariableW(L"HANDOFF_OLK_RECORD", path, MAX_PATH)) {
        FILE *out = _wfopen(path, L"wb");
        if (out) {
            WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, line, sizeof line, NULL, NULL);
            fputs(line, out);
            fclose(out);
        }
    }
    Sleep(3000);
    return 0;
}

/* Stand-in for a mail program started by its App Paths entry, for
 * tests/test_windows_mail.py under Wine: built as olk.exe (the new Outlook)
 * and as thunderbird.exe. It writes the command line it was started with
 * (UTF-8) into the file named by HANDOFF_<NAME>_RECORD, NAME being its own
 * file name without ".exe" in capitals (HANDOFF_OLK_RECORD,
 * HANDOFF_THUNDERBIRD_RECORD), and stays up for a few seconds, as a mail
 * program does. Built by tools/windows-check; test machinery only.
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

/* L"HANDOFF_OLK_RECORD" for ...\olk.exe */
static void record_variable(WCHAR *out, size_t size)
{
    WCHAR module[MAX_PATH], *name, *dot;
    GetModuleFileNameW(NULL, module, MAX_PATH);
    name = wcsrchr(module, L'\\');
    name = name ? name + 1 : module;
    if ((dot = wcsrchr(name, L'.')))
        *dot = 0;
    CharUpperW(name);
    swprintf(out, size, L"HANDOFF_%ls_RECORD", name);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR args, int show)
{
    WCHAR variable[MAX_PATH + 32], path[MAX_PATH];
    char *line;
    int size;
    (void)instance; (void)previous; (void)args; (void)show;
    record_variable(variable, sizeof variable / sizeof variable[0]);
    if (GetEnvironmentVariableW(variable, path, MAX_PATH)) {
        FILE *out = _wfopen(path, L"wb");
        size = WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, NULL, 0, NULL, NULL);
        line = HeapAlloc(GetProcessHeap(), 0, size);
        if (out && line) {
            WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, line, size, NULL, NULL);
            fputs(line, out);
        }
        if (out)
            fclose(out);
    }
    Sleep(3000);
    return 0;
}

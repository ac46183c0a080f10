/* Stand-in Simple MAPI DLL for tests/test_windows_mail.py under Wine: it plays a
 * mail client registered as the default under HKLM\SOFTWARE\Clients\Mail and
 * records the MAPISendMailW call it received (flags, recipient, subject,
 * attachment path and name), one "key=value" per line in UTF-8, into the file
 * named by HANDOFF_MAPI_RECORD. It answers HANDOFF_MAPI_RESULT (default 0,
 * SUCCESS_SUCCESS). Built by tools/windows-check; test machinery only.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    ULONG ulReserved, ulRecipClass;
    PWSTR lpszName, lpszAddress;
    ULONG ulEIDSize;
    void *lpEntryID;
} MapiRecipDescW;

typedef struct {
    ULONG ulReserved, flFlags, nPosition;
    PWSTR lpszPathName, lpszFileName;
    void *lpFileType;
} MapiFileDescW;

typedef struct {
    ULONG ulReserved;
    PWSTR lpszSubject, lpszNoteText, lpszMessageType, lpszDateReceived, lpszConversationID;
    ULONG flFlags;
    MapiRecipDescW *lpOriginator;
    ULONG nRecipCount;
    MapiRecipDescW *lpRecips;
    ULONG nFileCount;
    MapiFileDescW *lpFiles;
} MapiMessageW;

static void put(FILE *out, const char *key, PCWSTR value)
{
    char buffer[4096] = "";
    char *c;
    if (value)
        WideCharToMultiByte(CP_UTF8, 0, value, -1, buffer, sizeof buffer, NULL, NULL);
    for (c = buffer; *c; c++)  /* one line per value: the body's line breaks become spaces */
        if (*c == '\r' || *c == '\n')
            *c = ' ';
    fprintf(out, "%s=%s\n", key, buffer);
}

__declspec(dllexport) ULONG WINAPI MAPISendMailW(ULONG_PTR session, ULONG_PTR ui_param,
                                                 MapiMessageW *message, ULONG flags, ULONG reserved)
{
    WCHAR path[MAX_PATH], result[16];
    (void)session; (void)ui_param; (void)reserved;
    if (GetEnvironmentVariableW(L"HANDOFF_MAPI_RECORD", path, MAX_PATH)) {
        FILE *out = _wfopen(path, L"wb");
        if (out) {
            ULONG i;
            fprintf(out, "flags=%lu\n", flags);
            put(out, "subject", message->lpszSubject);
            put(out, "body", message->lpszNoteText);
            for (i = 0; i < message->nRecipCount; i++)
                put(out, "to", message->lpRecips[i].lpszAddress);
            for (i = 0; i < message->nFileCount; i++) {
                put(out, "attachment", message->lpFiles[i].lpszPathName);
                put(out, "attachment_name", message->lpFiles[i].lpszFileName);
            }
            fclose(out);
        }
    }
    if (GetEnvironmentVariableW(L"HANDOFF_MAPI_RESULT", result, 16))
        return (ULONG)_wtoi(result);
    return 0;
}

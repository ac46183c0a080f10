/* Stand-in Simple MAPI DLL for tests/test_windows_mail.py under Wine: it plays a
 * mail client registered as the default under HKLM\SOFTWARE\Clients\Mail and
 * records the Simple MAPI call it received (entry point, flags, recipient,
 * subject, attachment path and name), one "key=value" per line in UTF-8, into
 * the file named by HANDOFF_MAPI_RECORD. It answers HANDOFF_MAPI_RESULT
 * (default 0, SUCCESS_SUCCESS). Built by tools/windows-check; test machinery only.
 *
 * Built with -DHANDOFF_MAPI_ANSI_ONLY it exports only the ANSI MAPISendMail
 * (strings in the ANSI code page), like older clients: the helpers' fallback.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef HANDOFF_MAPI_ANSI_ONLY
typedef PSTR Text;
#define ENTRY MAPISendMail
#define ENTRY_NAME "MAPISendMail"
#else
typedef PWSTR Text;
#define ENTRY MAPISendMailW
#define ENTRY_NAME "MAPISendMailW"
#endif

typedef struct {
    ULONG ulReserved, ulRecipClass;
    Text lpszName, lpszAddress;
    ULONG ulEIDSize;
    void *lpEntryID;
} Recipient;

typedef struct {
    ULONG ulReserved, flFlags, nPosition;
    Text lpszPathName, lpszFileName;
    void *lpFileType;
} File;

typedef struct {
    ULONG ulReserved;
    Text lpszSubject, lpszNoteText, lpszMessageType, lpszDateReceived, lpszConversationID;
    ULONG flFlags;
    Recipient *lpOriginator;
    ULONG nRecipCount;
    Recipient *lpRecips;
    ULONG nFileCount;
    File *lpFiles;
} Message;

static void put(FILE *out, const char *key, const Text value)
{
    char buffer[4096] = "";
    char *c;
#ifdef HANDOFF_MAPI_ANSI_ONLY
    WCHAR wide[2048] = L"";
    if (value)
        MultiByteToWideChar(CP_ACP, 0, value, -1, wide, 2048);
#else
    PCWSTR wide = value ? value : L"";
#endif
    WideCharToMultiByte(CP_UTF8, 0, wide, -1, buffer, sizeof buffer, NULL, NULL);
    for (c = buffer; *c; c++)  /* one line per value: the body's line breaks become spaces */
        if (*c == '\r' || *c == '\n')
            *c = ' ';
    fprintf(out, "%s=%s\n", key, buffer);
}

__declspec(dllexport) ULONG WINAPI ENTRY(ULONG_PTR session, ULONG_PTR ui_param,
                                   Message *message, ULONG flags, ULONG reserved)
{
    WCHAR path[MAX_PATH], result[16];
    (void)session; (void)ui_param; (void)reserved;
    if (GetEnvironmentVariableW(L"HANDOFF_MAPI_RECORD", path, MAX_PATH)) {
        FILE *out = _wfopen(path, L"wb");
        if (out) {
            ULONG i;
            fprintf(out, "entry=%s\n", ENTRY_NAME);
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

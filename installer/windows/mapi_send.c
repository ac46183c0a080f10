/* mapi-send: one Simple MAPI compose dialog, for Handoff's mail hand-off (issue 14 §2).
 *
 *     mapi-send DLL ATTACHMENT TO SUBJECT BODY
 *
 * The same contract as handoff/channels/mail_programs/mapi_helper.py, in C so it
 * can be built for the other bitness: a 64-bit process cannot load the 32-bit
 * MAPI DLL of a 32-bit Outlook (still the common Office install), so the Windows
 * bundle carries this program built for x86 as mapi-send-x86.exe, and Handoff
 * runs it when its own helper answers NOT_LOADED (handing.py, _mapi).
 *
 * It calls MAPISendMailW of DLL with MAPI_DIALOG | MAPI_LOGON_UI, falling back to
 * the ANSI MAPISendMail (strings in the ANSI code page) for clients without the
 * wide entry point. Exit code: the MAPI result (0 SUCCESS_SUCCESS,
 * 1 MAPI_USER_ABORT, ...), 100 when DLL cannot be loaded or has neither entry
 * point, 2 for a wrong command line.
 *
 * Portable C: MinGW (i686/x86_64-w64-mingw32-gcc -municode) and MSVC (cl) both
 * build it; it needs only kernel32. No <mapi.h>: older SDKs lack the W structures.
 */
#define WIN32_LEAN_AND_MEAN
#define _CRT_SECURE_NO_WARNINGS /* MSVC: wcsncat is bounded here */
#include <windows.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAPI_LOGON_UI 0x1
#define MAPI_DIALOG 0x8
#define MAPI_TO 1
#define NOT_LOADED 100
#define USAGE 2

typedef struct {
    ULONG ulReserved, ulRecipClass;
    LPWSTR lpszName, lpszAddress;
    ULONG ulEIDSize;
    LPVOID lpEntryID;
} RecipientW;

typedef struct {
    ULONG ulReserved, flFlags, nPosition;
    LPWSTR lpszPathName, lpszFileName;
    LPVOID lpFileType;
} FileW;

typedef struct {
    ULONG ulReserved;
    LPWSTR lpszSubject, lpszNoteText, lpszMessageType, lpszDateReceived, lpszConversationID;
    ULONG flFlags;
    RecipientW *lpOriginator;
    ULONG nRecipCount;
    RecipientW *lpRecips;
    ULONG nFileCount;
    FileW *lpFiles;
} MessageW;

typedef struct {
    ULONG ulReserved, ulRecipClass;
    LPSTR lpszName, lpszAddress;
    ULONG ulEIDSize;
    LPVOID lpEntryID;
} RecipientA;

typedef struct {
    ULONG ulReserved, flFlags, nPosition;
    LPSTR lpszPathName, lpszFileName;
    LPVOID lpFileType;
} FileA;

typedef struct {
    ULONG ulReserved;
    LPSTR lpszSubject, lpszNoteText, lpszMessageType, lpszDateReceived, lpszConversationID;
    ULONG flFlags;
    RecipientA *lpOriginator;
    ULONG nRecipCount;
    RecipientA *lpRecips;
    ULONG nFileCount;
    FileA *lpFiles;
} MessageA;

/* WINAPI matters on x86: Simple MAPI entry points are __stdcall. */
typedef ULONG(WINAPI *SendW)(ULONG_PTR, ULONG_PTR, MessageW *, ULONG, ULONG);
typedef ULONG(WINAPI *SendA)(ULONG_PTR, ULONG_PTR, MessageA *, ULONG, ULONG);

enum { DLL, ATTACHMENT, TO, SUBJECT, BODY, FIELDS };

/* The file name MAPI shows for the attachment: what follows the last separator. */
static LPWSTR base_name(LPWSTR path)
{
    LPWSTR name = path, c;
    for (c = path; *c; c++)
        if (*c == L'\\' || *c == L'/')
            name = c + 1;
    return name;
}

/* The wide string in the ANSI code page ('?' for what it cannot hold), or NULL. */
static LPSTR ansi(LPCWSTR text)
{
    int size = WideCharToMultiByte(CP_ACP, 0, text, -1, NULL, 0, NULL, NULL);
    LPSTR out = size > 0 ? (LPSTR)calloc((size_t)size, 1) : NULL;
    if (out)
        WideCharToMultiByte(CP_ACP, 0, text, -1, out, size, NULL, NULL);
    return out;
}

static ULONG send_wide(SendW send, LPWSTR *field)
{
    WCHAR address[1024] = L"SMTP:";
    RecipientW recipient;
    FileW file;
    MessageW message;
    wcsncat(address, field[TO], 1024 - 6);
    memset(&recipient, 0, sizeof recipient);
    memset(&file, 0, sizeof file);
    memset(&message, 0, sizeof message);
    recipient.ulRecipClass = MAPI_TO;
    recipient.lpszName = field[TO];
    recipient.lpszAddress = address;
    file.nPosition = (ULONG)-1;
    file.lpszPathName = field[ATTACHMENT];
    file.lpszFileName = base_name(field[ATTACHMENT]);
    message.lpszSubject = field[SUBJECT];
    message.lpszNoteText = field[BODY];
    message.nRecipCount = 1;
    message.lpRecips = &recipient;
    message.nFileCount = 1;
    message.lpFiles = &file;
    return send(0, 0, &message, MAPI_DIALOG | MAPI_LOGON_UI, 0);
}

static ULONG send_ansi(SendA send, LPWSTR *field)
{
    WCHAR address[1024] = L"SMTP:";
    LPSTR text[FIELDS + 2] = {0};
    RecipientA recipient;
    FileA file;
    MessageA message;
    ULONG result = NOT_LOADED;
    int i;
    wcsncat(address, field[TO], 1024 - 6);
    for (i = ATTACHMENT; i < FIELDS; i++)
        text[i] = ansi(field[i]);
    text[FIELDS] = ansi(address);
    text[FIELDS + 1] = ansi(base_name(field[ATTACHMENT]));
    for (i = ATTACHMENT; i < FIELDS + 2; i++)
        if (!text[i])
            goto done;
    memset(&recipient, 0, sizeof recipient);
    memset(&file, 0, sizeof file);
    memset(&message, 0, sizeof message);
    recipient.ulRecipClass = MAPI_TO;
    recipient.lpszName = text[TO];
    recipient.lpszAddress = text[FIELDS];
    file.nPosition = (ULONG)-1;
    file.lpszPathName = text[ATTACHMENT];
    file.lpszFileName = text[FIELDS + 1];
    message.lpszSubject = text[SUBJECT];
    message.lpszNoteText = text[BODY];
    message.nRecipCount = 1;
    message.lpRecips = &recipient;
    message.nFileCount = 1;
    message.lpFiles = &file;
    result = send(0, 0, &message, MAPI_DIALOG | MAPI_LOGON_UI, 0);
done:
    for (i = ATTACHMENT; i < FIELDS + 2; i++)
        free(text[i]);
    return result;
}

int wmain(int argc, wchar_t **argv)
{
    HMODULE dll;
    FARPROC wide, narrow;
    if (argc != FIELDS + 1)
        return USAGE;
    /* The altered search path finds the client's own DLLs beside its MAPI DLL. */
    dll = LoadLibraryExW(argv[1 + DLL], NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (!dll)
        return NOT_LOADED;
    wide = GetProcAddress(dll, "MAPISendMailW");
    narrow = GetProcAddress(dll, "MAPISendMail");
    /* Through void (*)(void): the one cast between function types C compilers accept quietly. */
    if (wide)
        return (int)send_wide((SendW)(void (*)(void))wide, argv + 1);
    if (narrow)
        return (int)send_ansi((SendA)(void (*)(void))narrow, argv + 1);
    return NOT_LOADED;
}

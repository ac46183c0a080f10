/* Stand-in for classic Outlook's COM object model, for tests/test_windows_mail.py
 * under Wine: an in-process COM server (DllGetClassObject, DllCanUnloadNow)
 * that the test registers as Outlook.Application. Its objects (Application,
 * MailItem, Attachments) implement IDispatch over the few names Handoff uses:
 * CreateItem, To, Subject, Body, Attachments, Add, Display. Like dispatch from
 * a type library (ITypeInfo::Invoke), a method answers only DISPATCH_METHOD
 * and a property only DISPATCH_PROPERTYGET/PUT, anything else
 * DISP_E_MEMBERNOTFOUND: comtypes' late binding tells methods from
 * properties by exactly that answer.
 *
 * Every call it receives is appended as "Name=value" (UTF-8, line breaks in a
 * value become spaces) to the file named by HANDOFF_OUTLOOK_RECORD; with
 * HANDOFF_OUTLOOK_FAIL set, CreateItem fails as Outlook does when its profile
 * cannot be opened (DISP_E_EXCEPTION). Built by tools/windows-check; test
 * machinery only.
 */
#define COBJMACROS
#include <windows.h>
#include <ole2.h>
#include <oleauto.h>
#include <stdio.h>
#include <stdlib.h>

/* {B3B4BBFC-7EEA-47AC-8D38-9BB1AA9D5791}: the stand-in's own class, not Outlook's. */
static const CLSID CLSID_StandIn = {
    0xb3b4bbfc, 0x7eea, 0x47ac, {0x8d, 0x38, 0x9b, 0xb1, 0xaa, 0x9d, 0x57, 0x91}};

enum kind { APPLICATION, MAIL_ITEM, ATTACHMENTS };

typedef struct {
    const WCHAR *name;
    DISPID id;
    enum kind owner;
    BOOL method;
} Member;

static const Member MEMBERS[] = {
    {L"CreateItem", 1, APPLICATION, TRUE},
    {L"To", 2, MAIL_ITEM, FALSE},
    {L"Subject", 3, MAIL_ITEM, FALSE},
    {L"Body", 4, MAIL_ITEM, FALSE},
    {L"Attachments", 5, MAIL_ITEM, FALSE},
    {L"Display", 6, MAIL_ITEM, TRUE},
    {L"Add", 7, ATTACHMENTS, TRUE},
};
#define N_MEMBERS (sizeof MEMBERS / sizeof MEMBERS[0])
#define FIRST_TEXT 2 /* To, Subject, Body: ids 2..4, stored in Object.text */

typedef struct {
    IDispatch iface;
    LONG refs;
    enum kind kind;
    BSTR text[3];
} Object;

static LONG live_objects = 0, server_locks = 0;

static void record(const char *key, const WCHAR *value)
{
    WCHAR path[MAX_PATH];
    FILE *out;
    char *utf8;
    int size, i;
    if (!GetEnvironmentVariableW(L"HANDOFF_OUTLOOK_RECORD", path, MAX_PATH))
        return;
    size = WideCharToMultiByte(CP_UTF8, 0, value ? value : L"", -1, NULL, 0, NULL, NULL);
    utf8 = malloc(size);
    if (!utf8)
        return;
    WideCharToMultiByte(CP_UTF8, 0, value ? value : L"", -1, utf8, size, NULL, NULL);
    for (i = 0; utf8[i]; i++)
        if (utf8[i] == '\r' || utf8[i] == '\n')
            utf8[i] = ' ';
    out = _wfopen(path, L"ab");
    if (out) {
        fprintf(out, "%s=%s\n", key, utf8);
        fclose(out);
    }
    free(utf8);
}

/* Argument ``index`` counted from the left (DISPPARAMS holds them right to left). */
static HRESULT argument(DISPPARAMS *params, UINT index, VARTYPE type, VARIANT *out)
{
    VariantInit(out);
    if (!params || params->cArgs <= index)
        return DISP_E_BADPARAMCOUNT;
    if (FAILED(VariantChangeType(out, &params->rgvarg[params->cArgs - 1 - index], 0, type)))
        return DISP_E_TYPEMISMATCH;
    return S_OK;
}

static const Member *member(enum kind kind, DISPID id)
{
    size_t i;
    for (i = 0; i < N_MEMBERS; i++)
        if (MEMBERS[i].id == id && MEMBERS[i].owner == kind)
            return &MEMBERS[i];
    return NULL;
}

static IDispatchVtbl object_vtbl;

static Object *new_object(enum kind kind)
{
    Object *object = calloc(1, sizeof *object);
    if (!object)
        return NULL;
    object->iface.lpVtbl = &object_vtbl;
    object->refs = 1;
    object->kind = kind;
    InterlockedIncrement(&live_objects);
    return object;
}

static HRESULT return_object(enum kind kind, VARIANT *result)
{
    Object *object = new_object(kind);
    if (!object)
        return E_OUTOFMEMORY;
    if (!result) {
        IDispatch_Release(&object->iface);
        return S_OK;
    }
    V_VT(result) = VT_DISPATCH;
    V_DISPATCH(result) = &object->iface;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE object_query(IDispatch *iface, REFIID riid, void **out)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
        *out = iface;
        IDispatch_AddRef(iface);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE object_addref(IDispatch *iface)
{
    return InterlockedIncrement(&((Object *)iface)->refs);
}

static ULONG STDMETHODCALLTYPE object_release(IDispatch *iface)
{
    Object *object = (Object *)iface;
    ULONG refs = InterlockedDecrement(&object->refs);
    int i;
    if (refs == 0) {
        for (i = 0; i < 3; i++)
            SysFreeString(object->text[i]);
        free(object);
        InterlockedDecrement(&live_objects);
    }
    return refs;
}

static HRESULT STDMETHODCALLTYPE object_typeinfo_count(IDispatch *iface, UINT *count)
{
    (void)iface;
    *count = 0; /* no type library: comtypes falls back to plain late binding */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE object_typeinfo(IDispatch *iface, UINT index, LCID lcid,
                                                 ITypeInfo **info)
{
    (void)iface; (void)index; (void)lcid;
    *info = NULL;
    return DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE object_ids(IDispatch *iface, REFIID riid, LPOLESTR *names,
                                            UINT count, LCID lcid, DISPID *ids)
{
    Object *object = (Object *)iface;
    HRESULT hr = DISP_E_UNKNOWNNAME;
    size_t i;
    UINT n;
    (void)riid; (void)lcid;
    for (n = 0; n < count; n++)
        ids[n] = DISPID_UNKNOWN;
    for (i = 0; count && i < N_MEMBERS; i++)
        if (MEMBERS[i].owner == object->kind && !lstrcmpiW(MEMBERS[i].name, names[0])) {
            ids[0] = MEMBERS[i].id;
            hr = count == 1 ? S_OK : DISP_E_UNKNOWNNAME; /* no named parameters */
        }
    return hr;
}

static HRESULT refuse(EXCEPINFO *excep, const WCHAR *why)
{
    if (excep) {
        memset(excep, 0, sizeof *excep);
        excep->bstrSource = SysAllocString(L"Outlook stand-in");
        excep->bstrDescription = SysAllocString(why);
        excep->scode = E_FAIL;
    }
    return DISP_E_EXCEPTION;
}

static HRESULT call_method(Object *object, const Member *m, DISPPARAMS *params, VARIANT *result,
                           EXCEPINFO *excep)
{
    VARIANT arg;
    WCHAR text[32];
    HRESULT hr;
    (void)object;
    if (m->id == 1) { /* CreateItem(ItemType) */
        if (GetEnvironmentVariableW(L"HANDOFF_OUTLOOK_FAIL", text, 32))
            return refuse(excep, L"CreateItem refused (HANDOFF_OUTLOOK_FAIL)");
        if (FAILED(hr = argument(params, 0, VT_I4, &arg)))
            return hr;
        swprintf(text, 32, L"%ld", V_I4(&arg));
        record("CreateItem", text);
        return return_object(MAIL_ITEM, result);
    }
    if (m->id == 7) { /* Attachments.Add(Source) */
        if (FAILED(hr = argument(params, 0, VT_BSTR, &arg)))
            return hr;
        record("Attachments.Add", V_BSTR(&arg));
        VariantClear(&arg);
        return S_OK;
    }
    /* Display([Modal]) */
    if (params && params->cArgs) {
        if (FAILED(hr = argument(params, 0, VT_BOOL, &arg)))
            return hr;
        record("Display", V_BOOL(&arg) ? L"modal" : L"modeless");
    } else {
        record("Display", L"");
    }
    return S_OK;
}

static HRESULT property(Object *object, const Member *m, WORD flags, DISPPARAMS *params,
                        VARIANT *result)
{
    BSTR *slot = m->id >= FIRST_TEXT && m->id < FIRST_TEXT + 3 ? &object->text[m->id - FIRST_TEXT]
                                                               : NULL;
    VARIANT arg;
    HRESULT hr;
    if ((flags & DISPATCH_PROPERTYPUT) && slot) {
        if (FAILED(hr = argument(params, 0, VT_BSTR, &arg)))
            return hr;
        record(m->id == 2 ? "To" : m->id == 3 ? "Subject" : "Body", V_BSTR(&arg));
        SysFreeString(*slot);
        *slot = V_BSTR(&arg); /* the converted copy is ours to keep */
        return S_OK;
    }
    if (!(flags & DISPATCH_PROPERTYGET))
        return DISP_E_MEMBERNOTFOUND;
    if (!slot) /* Attachments */
        return return_object(ATTACHMENTS, result);
    if (result) {
        V_VT(result) = VT_BSTR;
        V_BSTR(result) = SysAllocString(*slot ? *slot : L"");
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE object_invoke(IDispatch *iface, DISPID id, REFIID riid,
                                               LCID lcid, WORD flags, DISPPARAMS *params,
                                               VARIANT *result, EXCEPINFO *excep, UINT *argerr)
{
    Object *object = (Object *)iface;
    const Member *m = member(object->kind, id);
    (void)riid; (void)lcid; (void)argerr;
    if (result)
        VariantInit(result);
    if (!m)
        return DISP_E_MEMBERNOTFOUND;
    if (m->method)
        return flags & DISPATCH_METHOD ? call_method(object, m, params, result, excep)
                                       : DISP_E_MEMBERNOTFOUND;
    return property(object, m, flags, params, result);
}

static IDispatchVtbl object_vtbl = {
    object_query, object_addref, object_release, object_typeinfo_count,
    object_typeinfo, object_ids, object_invoke,
};

/* The class factory: one static instance. */
static HRESULT STDMETHODCALLTYPE factory_query(IClassFactory *iface, REFIID riid, void **out)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) {
        *out = iface;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE factory_addref(IClassFactory *iface)
{
    (void)iface;
    return 2;
}

static ULONG STDMETHODCALLTYPE factory_release(IClassFactory *iface)
{
    (void)iface;
    return 1;
}

static HRESULT STDMETHODCALLTYPE factory_create(IClassFactory *iface, IUnknown *outer, REFIID riid,
                                                void **out)
{
    Object *application;
    HRESULT hr;
    (void)iface;
    *out = NULL;
    if (outer)
        return CLASS_E_NOAGGREGATION;
    if (!(application = new_object(APPLICATION)))
        return E_OUTOFMEMORY;
    hr = IDispatch_QueryInterface(&application->iface, riid, out);
    IDispatch_Release(&application->iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE factory_lock(IClassFactory *iface, BOOL lock)
{
    (void)iface;
    if (lock)
        InterlockedIncrement(&server_locks);
    else
        InterlockedDecrement(&server_locks);
    return S_OK;
}

static IClassFactoryVtbl factory_vtbl = {
    factory_query, factory_addref, factory_release, factory_create, factory_lock,
};
static IClassFactory factory = {&factory_vtbl};

HRESULT WINAPI DllGetClassObject(REFCLSID clsid, REFIID riid, void **out)
{
    if (!IsEqualCLSID(clsid, &CLSID_StandIn)) {
        *out = NULL;
        return CLASS_E_CLASSNOTAVAILABLE;
    }
    return IClassFactory_QueryInterface(&factory, riid, out);
}

HRESULT WINAPI DllCanUnloadNow(void)
{
    return live_objects == 0 && server_locks == 0 ? S_OK : S_FALSE;
}

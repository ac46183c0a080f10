; Inno Setup 6 script for Handoff (Windows, per user, no administrator rights).
;
; Built by installer\build.ps1 -Installer, which passes the bundle folder and
; the version:  ISCC /DAppVersion=0.1.0 /DBundleDir=...\dist\handoff /O...\dist handoff.iss
;
; What it promises the worker and IT:
; - installs for the current user only, in %LOCALAPPDATA%\Programs\Handoff,
;   without asking for administrator rights (PrivilegesRequired=lowest);
; - a Start-menu shortcut, installer text in Dutch (default) and English;
; - "Open with Handoff" for .7z files through per-user OpenWithProgids, never
;   taking over the default program for .7z (7-Zip stays the default);
; - the uninstaller removes the program only: the journal and settings in
;   %LOCALAPPDATA%\Handoff (and secrets in Windows Credential Manager) stay,
;   because the DPO needs the journal after the program is gone, and the
;   uninstall page says so.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\handoff"
#endif
#define AppName "Handoff"
#define AppExe "Handoff.exe"
#define ProgId "Handoff.Archive7z"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{2A20DE55-5001-4AA4-8FE0-67DEC2C26084}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Handoff
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=handoff-{#AppVersion}-setup
OutputDir=..\..\dist
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Made by installer\make_icons.py (build.ps1 runs it before iscc).
SetupIconFile=..\..\resources\icons\handoff.ico
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
CloseApplications=yes

[Languages]
; Dutch first: it is the default when Windows' language is neither.
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
; Both take %1 (the program name), so a literal percent sign is written %%.
dutch.ConfirmUninstall=Wilt u %1 verwijderen?%n%nUw logboek en instellingen blijven bewaard in %%LOCALAPPDATA%%\Handoff (de functionaris voor gegevensbescherming heeft het logboek nodig). Wachtwoorden van de e-mail- en sms-diensten blijven in Windows Referentiebeheer. Verwijder die alleen in overleg met uw IT-dienst.
english.ConfirmUninstall=Do you want to remove %1?%n%nYour journal and settings are kept in %%LOCALAPPDATA%%\Handoff (the data protection officer needs the journal). Passwords of the mail and SMS services stay in Windows Credential Manager. Remove those only after checking with your IT desk.
dutch.UninstalledAll=%1 is verwijderd. Uw logboek en instellingen staan nog in %%LOCALAPPDATA%%\Handoff.
english.UninstalledAll=%1 was removed. Your journal and settings are still in %%LOCALAPPDATA%%\Handoff.

[CustomMessages]
dutch.ArchiveType=Versleuteld 7z-archief
english.ArchiveType=Encrypted 7z archive
dutch.OpenWithHandoff=Openen met Handoff
english.OpenWithHandoff=Open with Handoff

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Registry]
; Per-user file type for .7z, offered under "Open with"; the default program
; of .7z (HKCU\Software\Classes\.7z, default value) is never written.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ArchiveType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithHandoff}"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.7z\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; The application's own entry, so "Open with" shows the name "Handoff".
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".7z"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] that touches %APPDATA% or %LOCALAPPDATA%\Handoff:
; the uninstaller removes only what [Files] and [Registry] put in place.

# Build the Handoff bundle on Windows, check it, and optionally the installer.
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-Dist dist] [-Work build\pyinstaller] [-Installer]
#
# Makes <Dist>\handoff\ (Handoff.exe windowed + handoff-cli.exe console, one
# folder), runs the bundled `handoff-cli selftest` offscreen, and with
# -Installer compiles installer\windows\handoff.iss with Inno Setup 6 (ISCC.exe
# on PATH or in its default folder) into <Dist>\handoff-<version>-setup.exe.
# Needs the `build` extra: python -m pip install -e ".[build]".
# Not run on this project's own CI (Linux only): see docs/install.md.
[CmdletBinding()]
param(
    [string]$Dist = "dist",
    [string]$Work = "build\pyinstaller",
    [string]$Python = "python",
    [switch]$Installer
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: $What failed (exit $LASTEXITCODE)" }
}

Invoke-Checked "PyInstaller check ($Python -m pip install -e '.[build]')" { & $Python -c "import PyInstaller" }
Invoke-Checked "translations" { & $Python -m handoff.i18n_build | Out-Null }
Invoke-Checked "icons" { & $Python installer\make_icons.py | Out-Null }

# The 32-bit Simple MAPI helper the spec puts in the bundle (installer\windows\mapi_send.c:
# a 32-bit Outlook's MAPI DLL does not load in the 64-bit Handoff). MSVC's x86
# compiler through vcvarsall (Visual Studio with the C++ tools, as on GitHub's
# windows runner), else MinGW's i686 gcc on PATH (MSYS2's mingw-w64-i686-gcc).
function Build-MapiSendX86([string]$Folder) {
    New-Item -ItemType Directory -Force -Path $Folder | Out-Null
    $Exe = Join-Path $Folder "mapi-send-x86.exe"
    $Source = Join-Path $Root "installer\windows\mapi_send.c"
    $Vswhere = Join-Path ${env:ProgramFiles(x86)} "Microsoft Visual Studio\Installer\vswhere.exe"
    $Vs = $null
    if (Test-Path $Vswhere) {
        $Vs = & $Vswhere -latest -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath
    }
    $Gcc = (Get-Command i686-w64-mingw32-gcc.exe -ErrorAction SilentlyContinue).Source
    if ($Vs) {
        # A .cmd file: vcvarsall sets the compiler's environment for the cl after it.
        $Script = Join-Path $Folder "build-x86.cmd"
        Set-Content -Encoding ASCII -Path $Script -Value @(
            "@call `"$Vs\VC\Auxiliary\Build\vcvarsall.bat`" x86 >nul || exit /b 1",
            "cl /nologo /O2 /W3 /Fo`"$Folder\mapi_send.obj`" /Fe`"$Exe`" `"$Source`""
        )
        Invoke-Checked "mapi-send-x86.exe (MSVC x86)" { & cmd /c $Script }
    } elseif ($Gcc) {
        Invoke-Checked "mapi-send-x86.exe (MinGW i686)" { & $Gcc -O2 -s -municode -o $Exe $Source }
    } else {
        throw "build.ps1: no x86 C compiler for mapi-send-x86.exe: install Visual Studio's C++ tools or MSYS2's mingw-w64-i686-gcc"
    }
    # The PE header's machine field: 0x14c is i386.
    $Bytes = [System.IO.File]::ReadAllBytes($Exe)
    $Pe = [BitConverter]::ToInt32($Bytes, 0x3c)
    if ([BitConverter]::ToUInt16($Bytes, $Pe + 4) -ne 0x14c) { throw "build.ps1: $Exe is not a 32-bit (i386) program" }
    Write-Host "32-bit MAPI helper: $Exe"
}
Build-MapiSendX86 (Join-Path $Root "build\mapi-send")

# Build into a fresh folder and move it into place only when complete, so a
# failed build never leaves a half-written bundle where the old one was.
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
$Dist = (Resolve-Path $Dist).Path
$Stage = Join-Path $Dist (".stage." + [guid]::NewGuid().ToString("N"))
try {
    Invoke-Checked "PyInstaller" {
        & $Python -m PyInstaller --noconfirm --log-level WARN --distpath $Stage --workpath $Work installer\handoff.spec
    }
    $Bundle = Join-Path $Dist "handoff"
    if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
    Move-Item (Join-Path $Stage "handoff") $Bundle
} finally {
    if (Test-Path $Stage) { Remove-Item -Recurse -Force $Stage }
}
Write-Host "bundle: $Bundle"

$Cli = Join-Path $Bundle "handoff-cli.exe"
$Version = ((& $Cli --version) -split " ")[1]
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "bundled selftest" { & $Cli selftest }
Remove-Item Env:QT_QPA_PLATFORM

if ($Installer) {
    $Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $Iscc)) { throw "build.ps1: Inno Setup 6 (ISCC.exe) not found; install Inno Setup 6, e.g. choco install innosetup" }
    Invoke-Checked "Inno Setup" {
        & $Iscc "/DAppVersion=$Version" "/DBundleDir=$Bundle" "/O$Dist" installer\windows\handoff.iss
    }
    Write-Host "installer: $(Join-Path $Dist "handoff-$Version-setup.exe")"
}

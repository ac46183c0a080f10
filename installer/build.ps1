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

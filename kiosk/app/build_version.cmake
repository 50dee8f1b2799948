# Writes build_version.h with the project's version and the git commit the
# build is made from; run at every build (cmake -P), it rewrites the header
# only when the commit changed, so an unchanged tree rebuilds nothing.
#   cmake -DSOURCE_DIR=... -DVERSION=... -DOUTPUT=... -P build_version.cmake
execute_process(
  COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
  OUTPUT_VARIABLE commit
  OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  set(commit "")  # not built from a git checkout (a source tarball, a .deb)
endif()
set(text "#pragma once\n// Written at build time by kiosk/app/build_version.cmake.\n#define KIOSK_VERSION \"${VERSION}\"\n#define KIOSK_COMMIT \"${commit}\"\n")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()

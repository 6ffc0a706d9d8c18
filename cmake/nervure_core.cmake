# The core, the bridge runtime and the C ABI for a package's native build:
# python/, node/ and java/ set NERVURE_ROOT (the checkout) and include this.
#
# Inside the project (make test, make bench, make demo: scripts/versions.sh
# exports NERVURE_PREBUILT_CORE=build) a package links the static libraries of
# that top-level build, which every package build first brings up to date: the
# core is compiled once for all languages, and a change to it relinks each
# package's library. On its own (pip install ./python, npm pack, mvn install
# with the variable unset or empty) the package compiles them from the checkout.
#
# Either way the targets are nervure_core, nervure_bridge and nervure_c_static;
# a package links them with nervure_link_core(<target> <libraries>...).
set(NERVURE_PREBUILT_CORE "" CACHE PATH
  "A nervure top-level build tree whose static libraries to link (empty: compile them here)")
if(DEFINED ENV{NERVURE_PREBUILT_CORE})  # the environment decides each time it is set
  set(NERVURE_PREBUILT_CORE "$ENV{NERVURE_PREBUILT_CORE}" CACHE PATH "" FORCE)
endif()

if(NERVURE_PREBUILT_CORE)
  if(NOT EXISTS ${NERVURE_PREBUILT_CORE}/nervure-config.cmake)
    message(STATUS "nervure: configuring the top-level build in ${NERVURE_PREBUILT_CORE}")
    find_program(NERVURE_NINJA ninja)  # the generator the Makefile and go/build-native.sh choose
    set(generator ${CMAKE_GENERATOR})
    if(NERVURE_NINJA)
      set(generator Ninja)
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -S ${NERVURE_ROOT} -B ${NERVURE_PREBUILT_CORE} -G ${generator}
      RESULT_VARIABLE status OUTPUT_QUIET)
    if(status)
      message(FATAL_ERROR "configuring ${NERVURE_PREBUILT_CORE} failed; set NERVURE_PREBUILT_CORE empty to compile the core here")
    endif()
  endif()
  find_package(nervure CONFIG REQUIRED PATHS ${NERVURE_PREBUILT_CORE} NO_DEFAULT_PATH)
  if(NERVURE_PREBUILT_SANITIZE)
    message(FATAL_ERROR "${NERVURE_PREBUILT_CORE} is built with -fsanitize=${NERVURE_PREBUILT_SANITIZE}, "
      "which a package library cannot load; name another build tree or none")
  endif()
  # Always runs, and is quick when nothing changed; the byproducts tell the
  # generator that the link of the package's library waits for it and must
  # redo itself when an archive changed.
  add_custom_target(nervure_prebuilt_current
    COMMAND ${CMAKE_COMMAND} --build ${NERVURE_PREBUILT_CORE} --target nervure_prebuilt_core
    BYPRODUCTS ${NERVURE_PREBUILT_LIBRARIES}
    COMMENT "Bringing the core in ${NERVURE_PREBUILT_CORE} up to date" VERBATIM)
else()
  set(NERVURE_BUILD_TESTS OFF CACHE BOOL "" FORCE)
  set(NERVURE_BUILD_CLI OFF CACHE BOOL "" FORCE)
  set(NERVURE_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
  set(NERVURE_BUILD_BINDINGS ON CACHE BOOL "" FORCE)
  add_subdirectory(${NERVURE_ROOT} ${CMAKE_BINARY_DIR}/nervure EXCLUDE_FROM_ALL)
endif()

function(nervure_link_core target)
  target_link_libraries(${target} PRIVATE ${ARGN})
  if(TARGET nervure_prebuilt_current)
    add_dependencies(${target} nervure_prebuilt_current)
    # The top-level build compiles with -g (RelWithDebInfo); a package built
    # without debug information does not carry the core's (50 MB of it).
    target_link_options(${target} PRIVATE $<$<NOT:$<CONFIG:Debug,RelWithDebInfo>>:-Wl,--strip-debug>)
  endif()
endfunction()

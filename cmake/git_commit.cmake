# FORMWORK_COMMIT: the commit the build is configured from (`formwork --version` prints it),
# "unknown" outside a git checkout or without git. The configure step runs again when HEAD or
# its branch moves, so the number follows new commits without a fresh build folder.
set(FORMWORK_COMMIT unknown)
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} RESULT_VARIABLE formwork_git_rc
                  OUTPUT_VARIABLE formwork_git_out OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(formwork_git_rc EQUAL 0 AND formwork_git_out)
    set(FORMWORK_COMMIT ${formwork_git_out})
    execute_process(COMMAND ${GIT_EXECUTABLE} symbolic-ref -q HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE formwork_git_branch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    foreach(ref HEAD ${formwork_git_branch} packed-refs)
      execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --path-format=absolute --git-path ${ref}
                      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                      OUTPUT_VARIABLE formwork_git_file OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(formwork_git_file AND EXISTS ${formwork_git_file})
        set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${formwork_git_file})
      endif()
    endforeach()
  endif()
endif()

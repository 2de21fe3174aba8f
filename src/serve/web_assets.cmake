# src/serve/web_assets.cmake: embeds the files of src/serve/web/ into cc_serve.
# At build time src/serve/embed_assets.cmake writes generated/web_assets.cpp,
# which defines serve::WebAssets() (src/serve/web_assets.h) with their bytes;
# editing a web file rebuilds it.
file(GLOB crosscheck_web_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/serve/web/*)
set(crosscheck_web_cpp ${CMAKE_BINARY_DIR}/generated/web_assets.cpp)
add_custom_command(
  OUTPUT ${crosscheck_web_cpp}
  COMMAND ${CMAKE_COMMAND} "-DOUT=${crosscheck_web_cpp}" "-DFILES=${crosscheck_web_files}"
          -P ${CMAKE_SOURCE_DIR}/src/serve/embed_assets.cmake
  DEPENDS ${crosscheck_web_files} ${CMAKE_SOURCE_DIR}/src/serve/embed_assets.cmake
  COMMENT "Embedding src/serve/web"
  VERBATIM)
target_sources(cc_serve PRIVATE ${crosscheck_web_cpp})

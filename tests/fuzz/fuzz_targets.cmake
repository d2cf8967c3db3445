# The fuzz targets: tests/fuzz/fuzz_<name>.cpp, corpus in tests/fuzz/corpus/<name>/.
set(FORMWORK_FUZZ_TARGETS import_text import_json target_value template_reader xlsx docx html)

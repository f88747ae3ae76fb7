/**
 * Names scripts/build.mjs replaces in the compiled command line: the URL of the output file itself
 * (import.meta.url of pipeline/dist/<entry>.js). Undefined when the sources run under tsx.
 */
declare const __THIDUA_OUTPUT_URL__: string | undefined

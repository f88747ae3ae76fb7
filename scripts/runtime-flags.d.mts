// Types of runtime-flags.mjs (plain JS so that the launcher and the build can load it without tsx).
export declare const RUNTIME_FLAGS: ReadonlyArray<string>
export declare const shebang: () => string
export declare const hasRuntimeFlags: (execArgv?: ReadonlyArray<string>) => boolean

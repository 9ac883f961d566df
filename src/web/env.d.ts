/** Build-time constants (vite.config.ts `define`). */
declare const __README_EXAMPLES__: readonly { readonly title: string; readonly query: string }[];

/** File extensions read as catalogue exports. */
export const CATALOGUE_EXTENSIONS = ['.csv'] as const;

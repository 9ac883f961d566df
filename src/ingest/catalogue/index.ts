/**
 * Catalogue exports (IOM's evaluation repository search export, CSV): one evaluation record per
 * row, with warnings and failures that name the row and column.
 */
export { readCatalogue, readCatalogueBytes, CatalogueError, CATALOGUE_TITLE, type Catalogue, type CatalogueWarning, type CatalogueFailure } from './readCatalogue.js';
export { CATALOGUE_EXTENSIONS } from './extensions.js';

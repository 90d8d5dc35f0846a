// Where item `index` begins in the export preview's document (preview-doc.ts puts the anchor,
// ExportPreview scrolls to it): apart, so the editor carries it without the preview's renderer.
export const itemAnchor = (index: number): string => `roundup-item-${index}`;

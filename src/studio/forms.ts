// Form fields named by their data path (contacts[0].mobile), so an issue of `check` finds its
// field on the page, and the 数据检查 page can link straight to it.

/** The element id of a field's row: contacts[0].mobile → field-contacts-0-mobile. */
export const fieldAnchor = (field: string): string => `field-${field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

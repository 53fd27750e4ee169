/**
 * The id of the bulk-publish form, which the program's checkboxes name in their `form` attribute. Here,
 * not in the form's client module: the server-rendered program reads it as a string.
 */
export const BULK_PUBLISH_FORM = "bulk-publish";

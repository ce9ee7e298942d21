// A chosen file travels to a server action as base64 in the form (server actions read forms as
// strings): read in the browser, refused early when too large or unreadable, with a message the
// person can act on. Used by every form that uploads (new article, questions from Moodle).

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

/**
 * Puts `file` into `form` as `fileData` and `fileName`. Returns a problem to show beside the file
 * field, or null when the file is in the form.
 */
export async function attachFile(form: FormData, file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`;
  try {
    form.set("fileData", await readAsBase64(file));
    form.set("fileName", file.name);
    return null;
  } catch {
    return "This file could not be read. Check that it is still on your computer and try again.";
  }
}

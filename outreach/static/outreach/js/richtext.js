// Starts django-prose-editor on the admin's news text areas, like the package's "configurable"
// preset, but with Tiptap's <style> injection turned off: the portal's Content Security Policy
// (style-src 'self') refuses injected styles, so their rules ship in outreach/css/richtext.css.
import * as prose from "django-prose-editor/editor";

const ATTRIBUTE = "data-django-prose-editor-rocb";
const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i;

function extensionsFrom(config) {
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = prose[name];
    if (extension) {
      extensions.push(typeof options === "object" ? extension.configure(options) : extension);
    }
  }
  return extensions;
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}");
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new prose.Editor({
    element: wrapper,
    editable: !disabled,
    extensions: extensionsFrom(config),
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = EMPTY.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  );
  return editor;
}

prose.initializeEditors(createEditor, `[${ATTRIBUTE}]`);

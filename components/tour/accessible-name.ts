// Role and accessible name of an element, enough of WAI-ARIA's rules for a tour to find "the button named
// New deal" in a product's own markup: explicit roles, the implicit roles of the elements products use, and
// names from aria-labelledby, aria-label, labels, alt, title or text. Not a full accname engine: that is a
// library the tour would have to ship to every visitor.

/** Implicit roles by tag; the tags whose role depends on their attributes are handled in roleOf. */
const tagRoles: Record<string, string> = { button: "button", textarea: "textbox", nav: "navigation", table: "table" };

const inputRoles: Record<string, string> = {
  button: "button",
  submit: "button",
  reset: "button",
  image: "button",
  checkbox: "checkbox",
  radio: "radio",
  range: "slider",
  number: "spinbutton",
  search: "searchbox",
  hidden: "",
};

/** The first token of an explicit role, or the implicit role of the element's tag, or "" for none. */
export function roleOf(element: Element): string {
  const explicit = element.getAttribute("role")?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  const tag = element.localName;
  const has = (name: string) => element.hasAttribute(name);
  if (tag === "input") {
    const type = element.getAttribute("type")?.toLowerCase() ?? "text";
    return has("list") && /^(text|search|email|tel|url)$/.test(type) ? "combobox" : (inputRoles[type] ?? "textbox");
  }
  if (tag === "select") return has("multiple") || (element as HTMLSelectElement).size > 1 ? "listbox" : "combobox";
  if (tag === "a" || tag === "area") return has("href") ? "link" : "";
  if (tag === "img") return element.getAttribute("alt") === "" ? "presentation" : "img";
  // A section or form is a landmark only once it has a name.
  if (tag === "section" || tag === "form") return hasOwnName(element) ? (tag === "form" ? "form" : "region") : "";
  return /^h[1-6]$/.test(tag) ? "heading" : (tagRoles[tag] ?? "");
}

function hasOwnName(element: Element): boolean {
  return Boolean(element.getAttribute("aria-label")?.trim() || element.getAttribute("aria-labelledby")?.trim());
}

/** Roles whose name comes from their content when nothing else names them (ARIA "name from content"). */
const nameFromContent = new Set(["button", "link", "heading", "tab", "checkbox", "radio", "option", "menuitem", "cell", "switch"]);

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isHiddenFromNames(node: Element): boolean {
  return (
    node.getAttribute("aria-hidden") === "true" || node.hasAttribute("hidden") || node.localName === "script" || node.localName === "style"
  );
}

/** Text of the content as assistive technology reads it: alt for images, aria-label over inner text. */
function contentText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  // nodeType, not instanceof Element: the studio's picker reads a framed product's elements, from another realm.
  if (node.nodeType !== 1) return "";
  const element = node as Element;
  if (isHiddenFromNames(element)) return "";
  const label = element.getAttribute("aria-label")?.trim();
  if (label) return label;
  if (element.localName === "img") return element.getAttribute("alt") ?? "";
  let text = "";
  for (const child of element.childNodes) text += contentText(child);
  return text;
}

export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute("aria-labelledby")?.trim();
  if (labelledBy) {
    const root = element.getRootNode() as Document;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => {
        const label = root.getElementById?.(id);
        return label ? contentText(label) : "";
      })
      .join(" ");
    if (collapse(text)) return collapse(text);
  }
  const label = element.getAttribute("aria-label");
  if (label && collapse(label)) return collapse(label);
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const text = collapse([...labels].map(contentText).join(" "));
    if (text) return text;
  }
  const tag = element.localName;
  if (tag === "img" || (tag === "input" && element.getAttribute("type") === "image")) {
    const alt = collapse(element.getAttribute("alt") ?? "");
    if (alt) return alt;
  }
  if (tag === "input" && ["submit", "button", "reset"].includes(element.getAttribute("type") ?? "")) {
    const value = collapse((element as HTMLInputElement).value);
    if (value) return value;
  }
  if (nameFromContent.has(roleOf(element))) {
    const text = collapse(contentText(element));
    if (text) return text;
  }
  return collapse(element.getAttribute("title") ?? "");
}

// Role and accessible name of an element, enough of WAI-ARIA's rules for a tour to find "the button named
// New deal" in a product's own markup: explicit roles, the implicit roles of the elements products use, and
// names from aria-labelledby, aria-label, labels, alt, title or text. Not a full accname engine: that is a
// library the tour would have to ship to every visitor.

/**
 * Implicit roles as [selector, role], the first match wins. One table serves both directions: the role of an
 * element (roleOf) and every element that may have a role (roleCandidates), so the two never disagree.
 */
const implicitRoles: [string, string][] = [
  ["button,input[type=button],input[type=submit],input[type=reset],input[type=image]", "button"],
  ["input[type=checkbox]", "checkbox"],
  ["input[type=radio]", "radio"],
  ["input[type=range]", "slider"],
  ["input[type=number]", "spinbutton"],
  [
    "input[list]:not([type]),input[list][type=text],input[list][type=search],input[list][type=email],input[list][type=tel],input[list][type=url]",
    "combobox",
  ],
  ["input[type=search]", "searchbox"],
  ["input:not([type=hidden]),textarea", "textbox"],
  ['select[multiple],select[size]:not([size="0"]):not([size="1"])', "listbox"],
  ["select", "combobox"],
  ["a[href],area[href]", "link"],
  ["h1,h2,h3,h4,h5,h6", "heading"],
  ['img[alt=""]', "presentation"],
  ["img", "img"],
  ["nav", "navigation"],
  // A section or form is a landmark only once it has a name.
  ['section[aria-label]:not([aria-label=""]),section[aria-labelledby]:not([aria-labelledby=""])', "region"],
  ['form[aria-label]:not([aria-label=""]),form[aria-labelledby]:not([aria-labelledby=""])', "form"],
  ["table", "table"],
];

/** The first token of an explicit role, or the implicit role of the element, or "" for none. */
export function roleOf(element: Element): string {
  return element.getAttribute("role")?.trim().split(/\s+/)[0] || implicitRoles.find(([selector]) => element.matches(selector))?.[1] || "";
}

/** A selector for every element that may have role: any explicit role, and the elements it is implicit on. */
export function roleCandidates(role: string): string {
  return ["[role]", ...implicitRoles.filter((entry) => entry[1] === role).map(([selector]) => selector)].join(",");
}

/** Roles whose name comes from their content when nothing else names them (ARIA "name from content"). */
const nameFromContent = ["button", "link", "heading", "tab", "checkbox", "radio", "option", "menuitem", "cell", "switch"];

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Text of the content as assistive technology reads it: alt for images, aria-label over inner text. */
function contentText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  // nodeType, not instanceof Element: the studio's picker reads a framed product's elements, from another realm.
  const element = node as Element;
  if (node.nodeType !== 1 || element.matches('[aria-hidden="true"],[hidden],script,style')) return "";
  const label = element.getAttribute("aria-label")?.trim();
  if (label) return label;
  if (element.localName === "img") return element.getAttribute("alt") ?? "";
  let text = "";
  for (const child of element.childNodes) text += contentText(child);
  return text;
}

/** The name, from the first source that gives one; each source is read only when the ones before gave none. */
export function accessibleName(element: Element): string {
  const attribute = (name: string) => element.getAttribute(name) ?? "";
  const labels = (element as HTMLInputElement).labels;
  const sources = [
    () =>
      attribute("aria-labelledby")
        .split(/\s+/)
        .map((id) => {
          const label = id && (element.getRootNode() as Document).getElementById?.(id);
          return label ? contentText(label) : "";
        })
        .join(" "),
    () => attribute("aria-label"),
    () => (labels ? [...labels].map(contentText).join(" ") : ""),
    () => (element.matches("img,input[type=image]") ? attribute("alt") : ""),
    () => (element.matches("input[type=submit],input[type=button],input[type=reset]") ? (element as HTMLInputElement).value : ""),
    () => (nameFromContent.includes(roleOf(element)) ? contentText(element) : ""),
    () => attribute("title"),
  ];
  for (const source of sources) {
    const name = collapse(source());
    if (name) return name;
  }
  return "";
}

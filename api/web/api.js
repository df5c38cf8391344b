// Calls to smugglegraph's public API with the signed-in key; the key lives only in this tab's sessionStorage.

export const KEY = "sgkey";

// The JSON of a response, or an error that names its status and the API's one-line detail.
async function answer(response) {
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? response.statusText);
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries(params).forEach(([k, v]) => {
    if (Array.isArray(v)) v.forEach((item) => url.searchParams.append(k, item));
    else if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
  });
  return answer(await fetch(url, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` } }));
}

export async function post(path, body, params = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  const response = await fetch(url, { method: "POST", body: JSON.stringify(body),
    headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}`, "Content-Type": "application/json" } });
  return answer(response);
}

// A code as words: "HAS_PHONE" -> "has phone".
export const words = (code) => code.toLowerCase().replaceAll("_", " ");

// The entries of an object that hold something (no null, empty string or empty list), but the keys skipped.
export const filled = (object, skip = []) => Object.entries(object)
  .filter(([k, v]) => !skip.includes(k) && v !== null && v !== "" && !(Array.isArray(v) && !v.length));

export const text = (value) => document.createTextNode(value == null ? "" : String(value));

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : text(child)));
  return node;
}

export function button(label, onClick, title = "") {
  return el("button", { type: "button", onclick: onClick, ...(title ? { title } : {}) }, label);
}

export function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * A small XML well-formedness checker (for the junit.xml test): one root element, properly nested and
 * closed tags, quoted attributes, no raw '<' or unescaped '&' in text or attribute values.
 */
export function checkWellFormedXml(xml: string): void {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const checkText = (t: string) => {
    if (t.replace(entity, '').includes('&')) throw new Error(`unescaped & in ${JSON.stringify(t.slice(0, 60))}`);
  };
  while (s.length) {
    const lt = s.indexOf('<');
    if (lt < 0) {
      if (s.trim()) throw new Error('text after the root element');
      break;
    }
    const text = s.slice(0, lt);
    if (stack.length === 0 && text.trim()) throw new Error('text outside the root element');
    checkText(text);
    s = s.slice(lt);
    if (s.startsWith('<!--')) {
      const e = s.indexOf('-->');
      if (e < 0) throw new Error('unclosed comment');
      s = s.slice(e + 3);
      continue;
    }
    const gt = s.indexOf('>');
    if (gt < 0) throw new Error('unclosed tag');
    const tag = s.slice(1, gt);
    s = s.slice(gt + 1);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*$/.exec(body);
    if (!m) throw new Error(`malformed tag <${tag.slice(0, 60)}>`);
    for (const a of m[2]!.matchAll(/="([^"]*)"/g)) checkText(a[1]!);
    if (stack.length === 0) roots++;
    if (roots > 1) throw new Error('more than one root element');
    if (!selfClosing) stack.push(m[1]!);
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error('no root element');
}

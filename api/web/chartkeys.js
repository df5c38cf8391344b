// The chart canvas from the keyboard: arrows move a focus ring to the nearest node in that direction,
// Enter opens it, Space selects it, E expands it, Delete takes the selection off, Escape clears it.
// Each move is announced in the chart's live region.

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

// The node nearest to `from` whose bearing lies within 60 degrees of the direction (dx, dy).
function nearest(nodes, from, [dx, dy]) {
  const at = from.renderedPosition();
  let best = null;
  let bestDistance = Infinity;
  nodes.forEach((n) => {
    if (n === from) return;
    const p = n.renderedPosition();
    const [x, y] = [p.x - at.x, p.y - at.y];
    const distance = Math.hypot(x, y);
    if (distance && (x * dx + y * dy) / distance >= 0.5 && distance < bestDistance) { best = n; bestDistance = distance; }
  });
  return best;
}

export function keyboardChart(chart, container, { onOpen, announce }) {
  const { cy } = chart;
  let focused = null;
  const visible = () => cy.nodes(":visible");
  const focus = (node) => {
    cy.nodes().removeClass("focused");
    focused = node;
    if (!node) { announce("nothing on the chart"); return; }
    node.addClass("focused");
    const ties = node.connectedEdges(":visible").length;
    announce(`${node.data("name")} (${node.data("kind")}), ${ties} tie(s)${node.selected() ? ", selected" : ""}`);
  };
  const start = () => visible().filter(":selected")[0] || visible().sort((a, b) => a.data("name").localeCompare(b.data("name")))[0];
  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (focused && (focused.removed() || !focused.visible())) focused = null;
    const key = event.key;
    if (DIRECTIONS[key]) {
      focus(focused ? nearest(visible(), focused, DIRECTIONS[key]) || focused : start() || null);
    } else if (key === "Enter" && focused) {
      onOpen(focused.id());
    } else if (key === " " && focused) {
      if (focused.selected()) focused.unselect(); else focused.select();
      focus(focused);
    } else if ((key === "e" || key === "E") && focused) {
      chart.expand([focused.id()]).then(announce, (error) => announce(error.message));
    } else if (key === "Delete" || key === "Backspace") {
      if (!cy.$(":selected").length && focused) focused.select();
      chart.remove();
      focus(null);
    } else if (key === "Escape") {
      cy.$(":selected").unselect();
      announce("selection cleared");
    } else {
      return;
    }
    event.preventDefault();
  });
  container.addEventListener("focus", () => { if (!focused) focus(start() || null); });
}

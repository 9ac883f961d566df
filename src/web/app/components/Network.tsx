/**
 * An interactive drawing of a stakeholder network with sigma (WebGL) over a graphology graph,
 * laid out by ForceAtlas2: drag a node to move it, scroll to zoom, drag the background to pan,
 * click a node to open its page. Organisations are named by acronym (or name), projects by
 * title.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { shorten } from '../format';

export interface NetworkNode {
  readonly id: string;
  readonly label: 'Organization' | 'Project' | string;
  /** Shown on the drawing. */
  readonly caption: string;
  /** Shown on hover and in lists. */
  readonly fullName: string;
  readonly kind?: string | null;
  readonly hop: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly lead?: boolean;
}

const COLOURS: Record<string, string> = {
  Project: '#d97706',
  INTERGOVERNMENTAL_ORGANIZATION: '#1d4ed8',
  COUNTRY_OFFICE: '#2563eb',
  DONOR_FUND: '#7c3aed',
  GOVERNMENT_AGENCY: '#059669',
  MINISTRY: '#047857',
  STATISTICS_OFFICE: '#0d9488',
  UNIVERSITY: '#db2777',
  RESEARCH_INSTITUTE: '#be185d',
  CIVIL_SOCIETY: '#65a30d',
  EVALUATION_FIRM: '#6b7280',
  ORGANIZATIONAL_GROUP: '#64748b',
  OTHER: '#475569',
};

export const colourOf = (n: Pick<NetworkNode, 'label' | 'kind'>) => (n.label === 'Project' ? COLOURS.Project! : COLOURS[n.kind ?? 'OTHER'] ?? COLOURS.OTHER!);

/** What the drawing exposes to the browser tests: each node and where it is on the screen. */
export interface DrawnNode {
  readonly id: string;
  readonly caption: string;
  readonly fullName: string;
  readonly x: number;
  readonly y: number;
}
declare global {
  interface Window {
    __explorerNetwork?: { nodes(): DrawnNode[]; edges: number };
  }
}

export function NetworkDrawing(props: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[]; onOpen: (node: NetworkNode) => void; highlight?: ReadonlySet<string>; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const onOpen = useRef(props.onOpen);
  onOpen.current = props.onOpen;

  useEffect(() => {
    const element = container.current;
    if (!element || !props.nodes.length) return;
    const graph = new Graph({ multi: false, type: 'undirected' });
    const byHop = new Map<number, number>();
    const perHop = new Map<number, number>();
    for (const n of props.nodes) perHop.set(n.hop, (perHop.get(n.hop) ?? 0) + 1);
    for (const n of props.nodes) {
      // Start on rings by distance, so the layout settles quickly and the same way every time.
      const i = byHop.get(n.hop) ?? 0;
      byHop.set(n.hop, i + 1);
      const angle = (2 * Math.PI * i) / (perHop.get(n.hop) ?? 1) + n.hop * 0.5;
      graph.addNode(n.id, {
        x: n.hop * Math.cos(angle) * 10,
        y: n.hop * Math.sin(angle) * 10,
        size: n.hop === 0 ? 14 : n.label === 'Project' ? 7 : 9,
        color: colourOf(n),
        label: n.caption,
        fullName: n.fullName,
        forceLabel: n.hop <= 1 || props.nodes.length <= 40,
        highlighted: props.highlight?.has(n.id) ?? false,
      });
    }
    for (const e of props.edges) {
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue;
      graph.addEdge(e.source, e.target, { size: e.lead ? 2.5 : 1, color: e.type === 'PART_OF' ? '#94a3b8' : '#cbd5e1', label: e.type });
    }
    forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 } });

    const renderer = new Sigma(graph, element, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 6,
      labelDensity: 0.6,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      zIndex: true,
    });

    // Drag a node; a click that did not drag opens it.
    let dragged: string | null = null;
    let moved = false;
    renderer.on('downNode', ({ node }) => {
      dragged = node;
      moved = false;
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
    });
    renderer.on('moveBody', ({ event }) => {
      if (!dragged) return;
      moved = true;
      const position = renderer.viewportToGraph(event);
      graph.setNodeAttribute(dragged, 'x', position.x);
      graph.setNodeAttribute(dragged, 'y', position.y);
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    const release = () => {
      dragged = null;
    };
    renderer.on('upNode', release);
    renderer.on('upStage', release);
    const openNode = (node: string) => {
      const found = props.nodes.find((n) => n.id === node);
      if (found) onOpen.current(found);
    };
    renderer.on('clickNode', ({ node }) => {
      if (!moved) openNode(node);
    });
    // A click soon after another (or after a drag) reaches sigma as a double click: it opens the node too, rather than zooming.
    renderer.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      if (!moved) openNode(node);
    });
    renderer.on('enterNode', () => element.classList.add('pointing'));
    renderer.on('leaveNode', () => element.classList.remove('pointing'));

    window.__explorerNetwork = {
      edges: graph.size,
      nodes: () =>
        graph.mapNodes((id, a) => {
          const at = renderer.graphToViewport({ x: a.x as number, y: a.y as number });
          return { id, caption: a.label as string, fullName: a.fullName as string, x: at.x, y: at.y };
        }),
    };
    return () => {
      delete window.__explorerNetwork;
      renderer.kill();
    };
  }, [props.nodes, props.edges, props.highlight]);

  return (
    <div className="network-frame">
      <div ref={container} className="network" role="img" aria-label={props.label} data-network />
      <ul className="legend" aria-label="Legend">
        {[...new Set(props.nodes.map((n) => (n.label === 'Project' ? 'Project' : n.kind ?? 'OTHER')))].map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: k === 'Project' ? COLOURS.Project : COLOURS[k] ?? COLOURS.OTHER }} />
            {k === 'Project' ? 'Project' : shorten(k.toLowerCase().replace(/_/g, ' '), 30)}
          </li>
        ))}
      </ul>
    </div>
  );
}

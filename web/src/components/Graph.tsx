/**
 * A small graph drawn with Cytoscape.js: nodes with labels, edges solid when sourced and certain, dashed
 * when uncertain (inferred, attested, unnamed). The same facts are always listed beside it as text.
 */
import cytoscape from "cytoscape";
import { useEffect, useRef } from "react";

export type GraphNode = { id: string; label: string; kind: string; uncertain?: boolean };
export type GraphEdge = { id: string; source: string; target: string; label: string; uncertain?: boolean };

const COLOURS: Record<string, string> = { post: "#1d70b8", person: "#00703c", body: "#4c2c92", service: "#505a5f", authority: "#0b0c0c", other: "#505a5f" };

export function Graph({ nodes, edges, label, layout = "breadthfirst" }: { nodes: GraphNode[]; edges: GraphEdge[]; label: string; layout?: "breadthfirst" | "grid" }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || nodes.length === 0) return;
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((node) => ({ data: { ...node, colour: COLOURS[node.kind] ?? COLOURS.other }, classes: node.uncertain ? "uncertain" : "" })),
        ...edges.map((edge) => ({ data: edge, classes: edge.uncertain ? "uncertain" : "" })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)", "background-color": "data(colour)", color: "#0b0c0c", "font-size": 12, "text-wrap": "wrap", "text-max-width": "140px",
            "text-valign": "bottom", "text-margin-y": 4, width: 18, height: 18,
          },
        },
        { selector: "node.uncertain", style: { "border-width": 3, "border-style": "dashed", "border-color": "#b58840", "background-opacity": 0.5 } },
        { selector: "edge", style: { width: 2, "line-color": "#505a5f", "target-arrow-color": "#505a5f", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 10, "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 1 } },
        { selector: "edge.uncertain", style: { "line-style": "dashed", "line-color": "#b58840", "target-arrow-color": "#b58840" } },
      ],
      layout: layout === "breadthfirst" ? { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 20 } : { name: "grid", padding: 20 },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    return () => graph.destroy();
  }, [nodes, edges, layout]);
  return <div ref={container} className="app-graph" role="img" aria-label={label} data-nodes={nodes.length} data-edges={edges.length} />;
}

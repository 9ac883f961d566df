// Every statement the Neo4j store sends (src/store/neo4j/). Each block is one named statement:
//   // name: <name>
//   // params: <JSON object of example parameter values, used by `npm run cypher:lint`>
//   <Cypher>;
// Nodes are found by id with one unique index seek per id, UNWIND $ids ... {id: id} with the
// hint USING INDEX SEEK: without it the planner may read the whole id index of a small label
// and join, on statistics that change as the graph grows (tests/store/neo4j-plans.test.ts EXPLAINs
// every statement, on an empty graph and on a small one).
// Values are always $parameters. The only other substitutions are the tokens {{LABEL}},
// {{START}}, {{END}} (node labels) and {{TYPE}} (relationship type), replaced solely by
// constants of the model (src/domain/model.ts); {{HOPS}}, replaced solely by a whole number
// from 1 to 8 (a quantifier's bound, which Cypher takes only as a literal); and {{WHERE}}, a
// filter compiled from a filter tree by src/store/neo4j/filterCypher.ts (model constants and
// $parameters only). `npm run cypher:lint` expands and checks every combination the model allows.

// Counts come from Neo4j's count store (every node or relationship, those of a label or type)
// rather than from a scan: the graph's nodes are all nodes but the write lock, its stated
// relationships all but the derived ones.
// name: status.nodes
// params: {}
CALL () { MATCH (n) RETURN count(n) AS everything }
CALL () { MATCH (n:GraphMeta) RETURN count(n) AS internal }
RETURN everything - internal AS count;

// name: status.relationships
// params: {}
CALL () { MATCH ()-[r]->() RETURN count(r) AS everything }
CALL () { MATCH ()-[r:PARTICIPATES_IN]->() RETURN count(r) AS derived }
RETURN everything - derived AS count;

// name: nodes.get
// params: {"ids": ["organization:ine"]}
UNWIND $ids AS id
MATCH (n:{{LABEL}} {id: id})
USING INDEX SEEK n:{{LABEL}}(id)
RETURN n.id AS id, properties(n) AS props;

// Nodes by match key, through the full-text index node_keys (schema.cypher): it holds each
// element of every node's matchKeys as one exact term (keyword analyzer). Each search is a
// Lucene query of quoted keys OR-ed (built by the store: keyQueries in store.ts).
// name: nodes.byKeys
// params: {"searches": ["\"ine\" OR \"national institute of statistics\""]}
UNWIND $searches AS search
CALL db.index.fulltext.queryNodes('node_keys', search) YIELD node
WITH DISTINCT node
WHERE node:{{LABEL}}
RETURN node.id AS id, properties(node) AS props;

// name: nodes.count
// params: {}
MATCH (n:{{LABEL}})
WHERE {{WHERE}}
RETURN count(n) AS count;

// name: nodes.page
// params: {"after": null, "limit": 21}
MATCH (n:{{LABEL}})
WHERE {{WHERE}}
  AND ($after IS NULL OR n.id > $after)
RETURN n.id AS id, properties(n) AS props
ORDER BY n.id
LIMIT $limit;

// name: nodes.pageAscending
// params: {"orderBy": "name", "missing": "~", "after": null, "limit": 21}
MATCH (n:{{LABEL}})
WHERE {{WHERE}}
WITH n, coalesce(toLower(toString(n[$orderBy])), $missing) AS sortValue
WHERE $after IS NULL OR sortValue > $after.value OR (sortValue = $after.value AND n.id > $after.id)
RETURN n.id AS id, properties(n) AS props
ORDER BY sortValue, n.id
LIMIT $limit;

// name: nodes.pageDescending
// params: {"orderBy": "name", "missing": "~", "after": null, "limit": 21}
MATCH (n:{{LABEL}})
WHERE {{WHERE}}
WITH n, coalesce(toLower(toString(n[$orderBy])), $missing) AS sortValue
WHERE $after IS NULL OR sortValue < $after.value OR (sortValue = $after.value AND n.id < $after.id)
RETURN n.id AS id, properties(n) AS props
ORDER BY sortValue DESC, n.id DESC
LIMIT $limit;

// name: neighbours.out
// params: {"ids": ["project:p1"]}
UNWIND $ids AS id
MATCH (n:{{START}} {id: id})-[r:{{TYPE}}]->(m)
USING INDEX SEEK n:{{START}}(id)
RETURN n.id AS key, properties(r) AS edgeProps, n.id AS from, m.id AS to, m.id AS nodeId, properties(m) AS nodeProps;

// name: neighbours.in
// params: {"ids": ["organization:ine"]}
UNWIND $ids AS id
MATCH (n:{{END}} {id: id})<-[r:{{TYPE}}]-(m)
USING INDEX SEEK n:{{END}}(id)
RETURN n.id AS key, properties(r) AS edgeProps, m.id AS from, n.id AS to, m.id AS nodeId, properties(m) AS nodeProps;

// name: writes.lock
// params: {}
MERGE (m:GraphMeta {id: 'writes'})
SET m.seq = coalesce(m.seq, 0) + 1
RETURN m.seq AS seq;

// name: nodes.existing
// params: {"ids": ["organization:ine"]}
UNWIND $ids AS id
MATCH (n:{{LABEL}} {id: id})
USING INDEX SEEK n:{{LABEL}}(id)
RETURN n.id AS id;

// name: nodes.merge
// params: {"rows": [{"id": "organization:ine", "props": {"name": "INE"}}]}
UNWIND $rows AS row
OPTIONAL MATCH (existing:{{LABEL}} {id: row.id})
USING INDEX SEEK existing:{{LABEL}}(id)
WITH row, existing IS NULL AS created
MERGE (n:{{LABEL}} {id: row.id})
SET n += row.props
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(n) AS total;

// name: relationships.merge
// params: {"rows": [{"from": "project:p1", "to": "organization:ine", "props": {"lead": true}}]}
UNWIND $rows AS row
MATCH (a:{{START}} {id: row.from})
USING INDEX SEEK a:{{START}}(id)
MATCH (b:{{END}} {id: row.to})
USING INDEX SEEK b:{{END}}(id)
OPTIONAL MATCH (a)-[existing:{{TYPE}}]->(b)
WITH a, b, row, existing IS NULL AS created
MERGE (a)-[r:{{TYPE}}]->(b)
SET r += row.props
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(r) AS total;

// name: nodes.delete
// params: {"ids": ["recommendation:e1:a"]}
UNWIND $ids AS id
MATCH (n:{{LABEL}} {id: id})
USING INDEX SEEK n:{{LABEL}}(id)
DETACH DELETE n
RETURN count(*) AS count;

// name: relationships.delete
// params: {"rows": [{"from": "project:p1", "to": "organization:ine"}]}
UNWIND $rows AS row
MATCH (a:{{START}} {id: row.from})
USING INDEX SEEK a:{{START}}(id)
MATCH (b:{{END}} {id: row.to})
USING INDEX SEEK b:{{END}}(id)
MATCH (a)-[r:{{TYPE}}]->(b)
DELETE r
RETURN count(*) AS count;

// name: search.fulltext
// params: {"query": "approval OR approv*", "labels": ["Recommendation"], "limit": 10}
CALL db.index.fulltext.queryNodes('node_text', $query) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN node.id AS id, properties(node) AS props, score
ORDER BY score DESC, id
LIMIT $limit;

// What scoring related recommendations needs of each recommendation, as ids with the
// relationships' positions (src/store/recommendationFacts.ts picks the first theme, evaluation
// and project by the same rules as the embedded store).
// name: recommendations.facts
// params: {"ids": ["recommendation:x"]}
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
USING INDEX SEEK r:Recommendation(id)
RETURN r.id AS id, r.text AS text, r.themeLabel AS themeLabel,
  [(r)-[a:ABOUT]->(t:Theme) | {id: t.id, position: a.position, broader: [(t)-[b:BROADER]->(u:Theme) | {id: u.id, position: b.position}]}] AS themes,
  [(r)-[a:ADDRESSED_TO]->(o) | {id: o.id, position: a.position}] AS audiences,
  [(e:Evaluation)-[:RECOMMENDS]->(r) | {id: e.id, projects: [(e)-[x:EVALUATES]->(p:Project) | {id: p.id, position: x.position, typeKey: p.typeKey,
    countries: [(p)-[c:IN_COUNTRY]->(k) | {id: k.id, position: c.position}]}]}] AS evaluations;

// The recommendations about each theme, as ids.
// name: recommendations.about
// params: {"ids": ["theme:approval-processes"]}
UNWIND $ids AS id
MATCH (t:Theme {id: id})
USING INDEX SEEK t:Theme(id)
RETURN t.id AS key, [(t)<-[:ABOUT]-(r:Recommendation) | r.id] AS ids;

// name: test.deleteEverything
// params: {}
MATCH (n) DETACH DELETE n;

// name: participation.hubs
// params: {"evaluations": ["evaluation:e1"], "recommendations": [], "persons": []}
CALL () {
  UNWIND $evaluations AS id MATCH (e:Evaluation {id: id}) USING INDEX SEEK e:Evaluation(id) RETURN e
  UNION
  UNWIND $recommendations AS id MATCH (r:Recommendation {id: id})<-[:RECOMMENDS]-(e:Evaluation) USING INDEX SEEK r:Recommendation(id) RETURN e
  UNION
  UNWIND $persons AS id MATCH (p:Person {id: id})<-[:CONDUCTED_BY|MANAGED_BY]-(e:Evaluation) USING INDEX SEEK p:Person(id) RETURN e
}
OPTIONAL MATCH (e)-[:EVALUATES]->(p:Project)
RETURN DISTINCT coalesce(p.id, e.id) AS hub;

// name: participation.clear
// params: {"hubs": ["project:p1"]}
UNWIND $hubs AS id
MATCH (h:{{LABEL}} {id: id})
USING INDEX SEEK h:{{LABEL}}(id)
MATCH (:Organization)-[r:PARTICIPATES_IN]->(h)
DELETE r
RETURN count(*) AS count;

// name: participation.projects
// params: {"hubs": ["project:p1"], "precedence": ["PARTNER", "IMPLEMENTER"]}
UNWIND $hubs AS id
MATCH (p:Project {id: id})
USING INDEX SEEK p:Project(id)
CALL (p) {
  MATCH (p)-[r:PARTNERED_WITH]->(o:Organization) RETURN o, 'PARTNER' AS role, coalesce(r.lead, false) AS lead
  UNION ALL
  MATCH (p)-[:IMPLEMENTED_BY]->(o:Organization) RETURN o, 'IMPLEMENTER' AS role, false AS lead
  UNION ALL
  MATCH (p)-[:FUNDED_BY]->(o:Organization) RETURN o, 'FUNDER' AS role, false AS lead
  UNION ALL
  MATCH (p)<-[:EVALUATES]-(:Evaluation)-[:FUNDED_BY]->(o:Organization) RETURN o, 'DONOR' AS role, false AS lead
  UNION ALL
  MATCH (p)<-[:EVALUATES]-(:Evaluation)-[:COMMISSIONED_BY]->(o:Organization) RETURN o, 'COMMISSIONER' AS role, false AS lead
  UNION ALL
  MATCH (p)<-[:EVALUATES]-(:Evaluation)-[:CONDUCTED_BY]->(o:Organization) RETURN o, 'EVALUATOR' AS role, false AS lead
  UNION ALL
  MATCH (p)<-[:EVALUATES]-(:Evaluation)-[:RECOMMENDS]->(:Recommendation)-[:ADDRESSED_TO]->(o:Organization) RETURN o, 'AUDIENCE' AS role, false AS lead
  UNION ALL
  MATCH (p)<-[:EVALUATES]-(:Evaluation)-[:CONDUCTED_BY|MANAGED_BY]->(:Person)-[:WORKS_FOR]->(o:Organization) RETURN o, 'EMPLOYER' AS role, false AS lead
}
WITH p, o, collect(role) AS roles, any(x IN collect(lead) WHERE x) AS lead
MERGE (o)-[r:PARTICIPATES_IN]->(p)
SET r.roles = [x IN $precedence WHERE x IN roles], r.lead = lead
RETURN count(r) AS count;

// name: participation.evaluations
// params: {"hubs": ["evaluation:e1"], "precedence": ["DONOR", "COMMISSIONER"]}
UNWIND $hubs AS id
MATCH (e:Evaluation {id: id})
USING INDEX SEEK e:Evaluation(id)
WHERE NOT EXISTS { (e)-[:EVALUATES]->(:Project) }
CALL (e) {
  MATCH (e)-[:FUNDED_BY]->(o:Organization) RETURN o, 'DONOR' AS role
  UNION ALL
  MATCH (e)-[:COMMISSIONED_BY]->(o:Organization) RETURN o, 'COMMISSIONER' AS role
  UNION ALL
  MATCH (e)-[:CONDUCTED_BY]->(o:Organization) RETURN o, 'EVALUATOR' AS role
  UNION ALL
  MATCH (e)-[:RECOMMENDS]->(:Recommendation)-[:ADDRESSED_TO]->(o:Organization) RETURN o, 'AUDIENCE' AS role
  UNION ALL
  MATCH (e)-[:CONDUCTED_BY|MANAGED_BY]->(:Person)-[:WORKS_FOR]->(o:Organization) RETURN o, 'EMPLOYER' AS role
}
WITH e, o, collect(role) AS roles
MERGE (o)-[r:PARTICIPATES_IN]->(e)
SET r.roles = [x IN $precedence WHERE x IN roles], r.lead = false
RETURN count(r) AS count;

// Wait until every index is online (a full-text index created over existing data is filled in
// the background).
// name: schema.awaitIndexes
// params: {"seconds": 300}
CALL db.awaitIndexes($seconds);

// The stakeholder graph (graph/README.md, "Participation"): organisations and hubs joined by
// PARTICIPATES_IN, organisations to their parents by PART_OF, walked in either direction. Its
// three questions are one statement each; nodes are ordered by sortName, falling back to id.
//
// The neighbourhood of a stakeholder within {{HOPS}} links: a breadth-first search from the
// start (a variable-length pattern grouped by end node with the shortest length, which Neo4j
// runs as a pruning BFS: VarLengthExpand(Pruning,BFS)), each node reached once with its hop;
// nearest first, organisations before hubs, then by name; the first $maxNodes kept and the
// others counted; and the links among the kept nodes (ordered by "from|type|to"). With $roles,
// only participations listing one of them are followed, and PART_OF only when $partOf. A node
// comes without its lookup keys and search text (hundreds of nodes: what a network shows is
// its names and kinds), a row per node and per link.
// name: stakeholders.neighbourhood
// params: {"start": "organization:ine", "roles": null, "partOf": true, "maxNodes": 100}
MATCH (start:Organization|Project|Evaluation {id: $start})
MATCH p = (start)-[links:PARTICIPATES_IN|PART_OF*0..{{HOPS}}]-(n)
WHERE all(r IN links WHERE CASE WHEN r:PART_OF THEN $partOf ELSE $roles IS NULL OR any(role IN r.roles WHERE role IN $roles) END)
WITH n, min(length(p)) AS hop
ORDER BY hop, CASE WHEN n:Organization THEN 0 ELSE 1 END, coalesce(n.sortName, n.id), n.id
WITH collect({node: n, hop: hop}) AS reached
WITH reached[..$maxNodes] AS kept, size(reached) AS total
WITH kept, total, [k IN kept | k.node] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  UNWIND [(a)-[r:PARTICIPATES_IN|PART_OF]->(b) WHERE b IN nodes AND CASE WHEN r:PART_OF THEN $partOf ELSE $roles IS NULL OR any(role IN r.roles WHERE role IN $roles) END
    | {type: type(r), from: a.id, to: b.id, props: properties(r)}] AS edge
  WITH edge
  ORDER BY edge.from + '|' + edge.type + '|' + edge.to
  RETURN collect(edge) AS edges
}
UNWIND range(0, size(kept) + size(edges)) AS i
WITH i, kept, edges, total, CASE WHEN i < size(kept) THEN kept[i] END AS k
WITH i, kept, edges, total, k, k.node AS n
RETURN CASE WHEN n IS NOT NULL THEN {id: n.id, props: n {.*, matchKeys: null, searchText: null}, hop: k.hop} END AS node,
  CASE WHEN i >= size(kept) AND i < size(kept) + size(edges) THEN edges[i - size(kept)] END AS edge,
  CASE WHEN i = 0 THEN total - size(kept) END AS omitted;

// The first $first simple paths between two stakeholders with at most {{HOPS}} links, shortest
// first, then by the names along them (a list of [sortName, id] per node, compared in order).
// SHORTEST 20 finds the 20 shortest (so $first is at most 20); all of them shorter than the
// $first-th are among them, but those as long as it may not all be, so when the 20 end at that
// length, ALL SHORTEST of at least that length fetches every path of it, to order the ties.
// name: stakeholders.paths
// params: {"from": "organization:udape", "to": "organization:iis", "first": 3}
MATCH (a:Organization|Project|Evaluation {id: $from})
MATCH (b:Organization|Project|Evaluation {id: $to})
CALL (a, b) {
  MATCH SHORTEST 20 (p = (a)-[:PARTICIPATES_IN|PART_OF]-{0,{{HOPS}}}(b)
    WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  WITH p
  ORDER BY length(p), [x IN nodes(p) | [coalesce(x.sortName, x.id), x.id]]
  RETURN collect(p) AS found
}
WITH a, b, found, CASE WHEN size(found) = 20 AND length(found[$first - 1]) = length(found[-1]) THEN length(found[-1]) END AS tie
CALL (a, b, tie) {
  WITH a, b, tie
  WHERE tie IS NOT NULL
  MATCH ALL SHORTEST (p = (a)-[:PARTICIPATES_IN|PART_OF]-{0,{{HOPS}}}(b)
    WHERE length(p) >= tie AND all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[..i]))
  RETURN collect(p) AS tied
}
UNWIND [p IN found WHERE tie IS NULL OR length(p) < tie] + tied AS p
RETURN [x IN nodes(p) | {id: x.id, props: properties(x)}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges
ORDER BY length(p), [x IN nodes(p) | [coalesce(x.sortName, x.id), x.id]]
LIMIT $first;

// The organisations sharing hubs with one, each with the hubs shared (by name) and both
// participations in each; most shared hubs first, then by name, the first $first. The hubs come
// as ids: the caller reads those it shows.
// name: stakeholders.collaborators
// params: {"organization": "organization:ine", "first": 20}
MATCH (o:Organization {id: $organization})
USING INDEX SEEK o:Organization(id)
MATCH (o)-[mine:PARTICIPATES_IN]->(hub)<-[theirs:PARTICIPATES_IN]-(other:Organization)
WITH other, hub, mine, theirs
ORDER BY coalesce(hub.sortName, hub.id), hub.id
WITH other, collect({hub: hub.id, mine: properties(mine), theirs: properties(theirs)}) AS shared
ORDER BY size(shared) DESC, coalesce(other.sortName, other.id), other.id
LIMIT $first
RETURN other.id AS id, properties(other) AS props, shared;

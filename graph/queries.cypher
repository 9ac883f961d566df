// Every statement the Neo4j store sends (src/store/neo4j/). Each block is one named statement:
//   // name: <name>
//   // params: <JSON object of example parameter values, used by `npm run cypher:lint`>
//   <Cypher>;
// Values are always $parameters. The only other substitutions are the tokens {{LABEL}},
// {{START}}, {{END}} (node labels) and {{TYPE}} (relationship type), replaced solely by
// constants of the model (src/domain/model.ts), and {{WHERE}}, a filter compiled from a filter
// tree by src/store/neo4j/filterCypher.ts (model constants and $parameters only);
// `npm run cypher:lint` expands and checks every combination the model allows.

// name: status.nodes
// params: {}
MATCH (n) WHERE NOT n:GraphMeta RETURN count(n) AS count;

// name: status.relationships
// params: {}
MATCH ()-[r]->() WHERE NOT r:PARTICIPATES_IN RETURN count(r) AS count;

// name: nodes.get
// params: {"ids": ["organization:ine"]}
MATCH (n:{{LABEL}}) WHERE n.id IN $ids
RETURN n.id AS id, properties(n) AS props;

// name: nodes.byKeys
// params: {"keys": ["ine"]}
MATCH (n:{{LABEL}}) WHERE any(key IN n.matchKeys WHERE key IN $keys)
RETURN n.id AS id, properties(n) AS props;

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
MATCH (n:{{START}})-[r:{{TYPE}}]->(m)
WHERE n.id IN $ids
RETURN n.id AS key, properties(r) AS edgeProps, n.id AS from, m.id AS to, m.id AS nodeId, properties(m) AS nodeProps;

// name: neighbours.in
// params: {"ids": ["organization:ine"]}
MATCH (n:{{END}})<-[r:{{TYPE}}]-(m)
WHERE n.id IN $ids
RETURN n.id AS key, properties(r) AS edgeProps, m.id AS from, n.id AS to, m.id AS nodeId, properties(m) AS nodeProps;

// name: writes.lock
// params: {}
MERGE (m:GraphMeta {id: 'writes'})
SET m.seq = coalesce(m.seq, 0) + 1
RETURN m.seq AS seq;

// name: nodes.existing
// params: {"ids": ["organization:ine"]}
MATCH (n:{{LABEL}}) WHERE n.id IN $ids
RETURN n.id AS id;

// name: nodes.merge
// params: {"rows": [{"id": "organization:ine", "props": {"name": "INE"}}]}
UNWIND $rows AS row
OPTIONAL MATCH (existing:{{LABEL}} {id: row.id})
WITH row, existing IS NULL AS created
MERGE (n:{{LABEL}} {id: row.id})
SET n += row.props
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(n) AS total;

// name: relationships.merge
// params: {"rows": [{"from": "project:p1", "to": "organization:ine", "props": {"lead": true}}]}
UNWIND $rows AS row
MATCH (a:{{START}} {id: row.from})
MATCH (b:{{END}} {id: row.to})
OPTIONAL MATCH (a)-[existing:{{TYPE}}]->(b)
WITH a, b, row, existing IS NULL AS created
MERGE (a)-[r:{{TYPE}}]->(b)
SET r += row.props
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(r) AS total;

// name: nodes.delete
// params: {"ids": ["recommendation:e1:a"]}
MATCH (n:{{LABEL}}) WHERE n.id IN $ids
DETACH DELETE n
RETURN count(*) AS count;

// name: relationships.delete
// params: {"rows": [{"from": "project:p1", "to": "organization:ine"}]}
UNWIND $rows AS row
MATCH (a:{{START}} {id: row.from})-[r:{{TYPE}}]->(b:{{END}} {id: row.to})
DELETE r
RETURN count(*) AS count;

// name: search.fulltext
// params: {"query": "approval OR approv*", "labels": ["Recommendation"], "limit": 10}
CALL db.index.fulltext.queryNodes('node_text', $query) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN node.id AS id, properties(node) AS props, score
ORDER BY score DESC, id
LIMIT $limit;

// name: test.deleteEverything
// params: {}
MATCH (n) DETACH DELETE n;

// name: participation.hubs
// params: {"evaluations": ["evaluation:e1"], "recommendations": [], "persons": []}
CALL () {
  MATCH (e:Evaluation) WHERE e.id IN $evaluations RETURN e
  UNION
  MATCH (r:Recommendation)<-[:RECOMMENDS]-(e:Evaluation) WHERE r.id IN $recommendations RETURN e
  UNION
  MATCH (p:Person)<-[:CONDUCTED_BY|MANAGED_BY]-(e:Evaluation) WHERE p.id IN $persons RETURN e
}
OPTIONAL MATCH (e)-[:EVALUATES]->(p:Project)
RETURN DISTINCT coalesce(p.id, e.id) AS hub;

// name: participation.clear
// params: {"hubs": ["project:p1"]}
MATCH (h:{{LABEL}}) WHERE h.id IN $hubs
MATCH (:Organization)-[r:PARTICIPATES_IN]->(h)
DELETE r
RETURN count(*) AS count;

// name: participation.projects
// params: {"hubs": ["project:p1"], "precedence": ["PARTNER", "IMPLEMENTER"]}
MATCH (p:Project) WHERE p.id IN $hubs
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
MATCH (e:Evaluation) WHERE e.id IN $hubs AND NOT EXISTS { (e)-[:EVALUATES]->(:Project) }
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

// name: stakeholders.all
// params: {}
MATCH (a:Organization)-[r:PARTICIPATES_IN|PART_OF]->(b)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props, a.sortName AS fromName, b.sortName AS toName;

// How a node names itself on the wire: every answer says which node gave it, and the load balancer's cookie
// (deploy/haproxy.cfg) names the node a visitor sticks to.
export const nodeHeaderName = "x-openhouse-node";
/** HAProxy's persistence cookie: its value is a node's NODE_NAME (the `cookie` of its `server` line). */
export const nodeCookieName = "oh_node";

// Graded judgments of the relevance benchmark (#14): for each query, the entries a person would
// accept in the top 3. An entry is relevant when its title is one of `titles`, when a heading of
// its trail is one of `sections` (its own section or one above it), or, with `orTitle`, when its
// title holds the query as a whole word. `best` (grade 2) is the entry a person would want first;
// every other relevant entry has grade 1. `category` marks the queries that name a section, a
// library or a speaker: the figure #14 asks to be at least 90 % on pages never seen.
export const PAGES = {
  bundled: "data/inside-icp.md",
  "awesome-internet-computer": "test/fixtures/awesome-internet-computer.md",
  "awesome-lang": "test/fixtures/relevance/awesome-lang.md",
  "awesome-talks": "test/fixtures/relevance/awesome-talks.md",
};

export const JUDGMENTS = [
  // The bundled page: 26 entries, talks by 13 speakers.
  { page: "bundled", query: "consensus", titles: ["Consensus Overview", "Achieving Consensus on the Internet Computer"], best: "Consensus Overview" },
  { page: "bundled", query: "cryptography", titles: ["Chain Key Cryptography", "Chain Key Cryptography: The Scientific Breakthrough Behind the Internet Computer"] },
  { page: "bundled", query: "chain key", titles: ["Chain Key Cryptography", "Chain Key Cryptography: The Scientific Breakthrough Behind the Internet Computer"], best: "Chain Key Cryptography" },
  { page: "bundled", query: "drijvers", titles: ["Consensus Overview", "Resumption"], category: true },
  { page: "bundled", query: "pignolet", titles: ["Ingress Message Lifecycle", "State Synchronization"], category: true },
  { page: "bundled", query: "camenisch", titles: ["Chain Key Cryptography"], category: true },
  { page: "bundled", query: "camenish", titles: ["Chain Key Cryptography"] },
  { page: "bundled", query: "medium", sections: ["Medium"], category: true },
  { page: "bundled", query: "youtube", sections: ["YouTube"], category: true },
  { page: "bundled", query: "key resharing", titles: ["Non-interactive Distributed Key Generation and Key Resharing"] },
  { page: "bundled", query: "nns", titles: ["Network Nervous System (NNS)"] },
  { page: "bundled", query: "upgrades", titles: ["Upgrades"] },
  { page: "bundled", query: "execution", titles: ["Execution"] },
  { page: "bundled", query: "state sync", titles: ["State Synchronization"] },

  // A real awesome list (CC0), about 350 links.
  { page: "awesome-internet-computer", query: "testing", sections: ["Testing"], category: true },
  { page: "awesome-internet-computer", query: "monitoring", sections: ["Monitoring"], category: true },
  { page: "awesome-internet-computer", query: "motoko", sections: ["Motoko"], orTitle: true, category: true },
  { page: "awesome-internet-computer", query: "candid", sections: ["Candid"], orTitle: true, category: true },
  { page: "awesome-internet-computer", query: "bitcoin", sections: ["Bitcoin"], orTitle: true, category: true },
  { page: "awesome-internet-computer", query: "ethereum", sections: ["Ethereum"], orTitle: true, category: true },
  { page: "awesome-internet-computer", query: "wallets", sections: ["Wallets and Authentication"], category: true },
  { page: "awesome-internet-computer", query: "exchanges", sections: ["Exchanges"], category: true },
  { page: "awesome-internet-computer", query: "oracles", sections: ["Oracles"], category: true },
  { page: "awesome-internet-computer", query: "courses", sections: ["Courses"], category: true },
  { page: "awesome-internet-computer", query: "messaging", sections: ["Messaging"], category: true },
  { page: "awesome-internet-computer", query: "game development", sections: ["Game Development"], category: true },
  { page: "awesome-internet-computer", query: "package managers", sections: ["Package Managers"], category: true },
  { page: "awesome-internet-computer", query: "storage", sections: ["Storage and Databases"], category: true },
  { page: "awesome-internet-computer", query: "dashboards", sections: ["Dashboards, Explorers and Registries"], category: true },
  { page: "awesome-internet-computer", query: "pocket-ic", titles: ["pocket-ic", "pocketic-py"], best: "pocket-ic", category: true },
  { page: "awesome-internet-computer", query: "agent-js", titles: ["agent-js"], category: true },
  { page: "awesome-internet-computer", query: "mops", titles: ["MOPS"], category: true },
  { page: "awesome-internet-computer", query: "websocket", titles: ["IC WebSocket Gateway", "ic-websocket-cdk", "ic-websocket-sdk", "ic4j-websocket", "WebSockets on the Internet Computer: Getting Started"] },
  { page: "awesome-internet-computer", query: "monitorng", sections: ["Monitoring"] },
  { page: "awesome-internet-computer", query: "promethues", titles: ["Canister monitoring"] },

  // Written in the shape of awesome-go: a section per category, names that hold other words.
  { page: "awesome-lang", query: "logging", sections: ["Logging"], category: true },
  { page: "awesome-lang", query: "orm", sections: ["ORM"], category: true },
  { page: "awesome-lang", query: "web frameworks", sections: ["Web Frameworks"], category: true },
  { page: "awesome-lang", query: "testing", sections: ["Testing"], category: true },
  { page: "awesome-lang", query: "authentication", sections: ["Authentication"], category: true },
  { page: "awesome-lang", query: "database", sections: ["Database"], category: true },
  { page: "awesome-lang", query: "command line", sections: ["Command Line"], category: true },
  { page: "awesome-lang", query: "mock", sections: ["Mock"], category: true },
  { page: "awesome-lang", query: "routers", sections: ["Routers"], category: true },
  { page: "awesome-lang", query: "caches", sections: ["Caches"], category: true },
  { page: "awesome-lang", query: "benchmarks", sections: ["Benchmarks"], category: true },
  { page: "awesome-lang", query: "gin", titles: ["gin"], category: true },
  { page: "awesome-lang", query: "zap", titles: ["zap"], category: true },
  { page: "awesome-lang", query: "migrations", titles: ["migrate", "goose-lang"] },
  { page: "awesome-lang", query: "autocompletoin", titles: ["climate"] },
  { page: "awesome-lang", query: "orm benchmark", titles: ["orm-bench"] },

  // Written in the shape of talk lists: `Title / Speaker` under topics.
  { page: "awesome-talks", query: "consensus", sections: ["Consensus"], orTitle: true, category: true },
  { page: "awesome-talks", query: "cryptography", sections: ["Cryptography"], orTitle: true, category: true },
  { page: "awesome-talks", query: "networking", sections: ["Networking"], orTitle: true, category: true },
  { page: "awesome-talks", query: "storage", sections: ["Storage"], category: true },
  { page: "awesome-talks", query: "camenisch", titles: ["Threshold Signatures in Practice", "Chain Key Cryptography"], category: true },
  { page: "awesome-talks", query: "harchol", titles: ["Gossip Protocols at Scale", "Peer-to-Peer Overlays"], category: true },
  { page: "awesome-talks", query: "liskof", titles: ["Byzantine Fault Tolerance for Beginners"] },
  { page: "awesome-talks", query: "backpresure", titles: ["Networking Without Tears"] },
  { page: "awesome-talks", query: "raft", titles: ["Raft in Five Minutes"], category: true },
];

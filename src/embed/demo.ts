export * from "../components/widgets/_demo.js";

import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";

// findBy*/waitFor wait for what the user would see; lazily loaded parts (markdown, highlighting) can
// take seconds on a loaded CI machine, so the deadline is generous (it is never waited out on success).
configure({ asyncUtilTimeout: 15_000 });

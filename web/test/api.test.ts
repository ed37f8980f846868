import { api } from "../src/lib/api";

describe("api.logout", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts JSON, which another origin cannot send without a preflight", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);

    await api.logout();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/auth/logout");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(new Headers(init.headers).get("Content-Type")).toBe("application/json");
    expect(init.body).toBe("{}");
  });
});

describe("api.logoutEverywhere", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts JSON to the everywhere variant of logout", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);

    await api.logoutEverywhere();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/auth/logout?everywhere=true");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(new Headers(init.headers).get("Content-Type")).toBe("application/json");
    expect(init.body).toBe("{}");
  });

  it("rejects with the ProblemDetails code when the server refuses, even a 401", async () => {
    const problem = { status: 403, title: "Forbidden", detail: "The request came from another origin.", code: "FORBIDDEN_ORIGIN" };
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response(JSON.stringify(problem), { status: 403, headers: { "Content-Type": "application/problem+json" } })));
    await expect(api.logoutEverywhere()).rejects.toMatchObject({ name: "ApiError", status: 403, code: "FORBIDDEN_ORIGIN" });

    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response(null, { status: 401 })));
    await expect(api.logoutEverywhere()).rejects.toMatchObject({ status: 401, code: "MISSING_AUTH_TOKEN" });
  });
});

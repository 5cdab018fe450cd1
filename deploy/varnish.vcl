vcl 4.1;
# Varnish in front of Dateline. Dateline sends Cache-Control with s-maxage, ETags and
# Surrogate-Key headers, and PURGE requests (Wagtail's HTTP front-end cache backend) for exactly
# the pages a change touches. Set WAGTAILFRONTENDCACHE's LOCATION to this Varnish.
# The test dateline/pagecache/tests/test_varnish.py starts Varnish with this file.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom and the live streams are never cached.
    if (req.url ~ "^/(admin|live/stream)/") {
        return (pass);
    }
    # A logged-in reader gets pages rendered for them.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous readers: cookies never change a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

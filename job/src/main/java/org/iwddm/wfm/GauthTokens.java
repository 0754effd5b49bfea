package org.iwddm.wfm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iwddm.config.Secret;

/**
 * Bearer tokens from GAuth (SPEC §7): POST {gauth}/auth/v3/oauth/token with
 * grant_type=client_credentials and the client id/secret as HTTP basic credentials. A token is
 * reused until its expires_in has passed; {@link #renew()} forgets it (WFM answered 401).
 */
final class GauthTokens {
    static final String TOKEN_PATH = "/auth/v3/oauth/token";

    private final WfmHttp http;
    private final URI tokenUrl;
    private final String basicCredentials;
    private Secret token;
    private long expiresAtNanos;

    GauthTokens(WfmHttp http, URI gauthUrl, String clientId, Secret clientSecret) {
        this.http = http;
        this.tokenUrl = URI.create(gauthUrl.toString().replaceAll("/+$", "") + TOKEN_PATH);
        this.basicCredentials = Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    /** A valid token, fetched when there is none or the cached one expired. */
    Secret bearer() throws WfmException {
        if (token == null || System.nanoTime() - expiresAtNanos >= 0) {
            fetch();
        }
        return token;
    }

    void renew() {
        token = null;
    }

    private void fetch() throws WfmException {
        long requestedAt = System.nanoTime();
        HttpRequest request = http.request(tokenUrl)
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, "GAuth");
        if (!WfmHttp.isSuccess(response)) {
            // The body may echo credentials: only the status is reported.
            throw new WfmException("GAuth " + tokenUrl + " refused the client credentials: HTTP " + response.statusCode());
        }
        JsonObject body = parse(response.body());
        token = Secret.of(body.get("access_token").getAsString());
        long expiresIn = body.has("expires_in") ? body.get("expires_in").getAsLong() : 0;
        expiresAtNanos = requestedAt + expiresIn * 1_000_000_000L;
    }

    private JsonObject parse(String body) throws WfmException {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject() && json.getAsJsonObject().has("access_token")) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException | IllegalStateException e) {
            // reported below, without the body
        }
        throw new WfmException("GAuth " + tokenUrl + " answered without an access_token");
    }
}

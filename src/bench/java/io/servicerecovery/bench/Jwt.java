package io.servicerecovery.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** RS256 bearer tokens signed with the run's private key, as an identity provider would issue them. */
public final class Jwt {

    public static final String ISSUER = "https://auth.bench.service-recovery";
    public static final String AUDIENCE = "service-recovery";

    private final PrivateKey key;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Jwt(Path privateKeyPem) throws Exception {
        String pem = Files.readString(privateKeyPem);
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException(privateKeyPem + " must be a PKCS#8 PEM key (openssl genpkey)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** A token for the subject with these groups (roles), valid for two hours; cached per subject. */
    public String token(String subject, String... groups) {
        return cache.computeIfAbsent(subject + "|" + String.join(",", groups), k -> sign(subject, List.of(groups)));
    }

    private String sign(String subject, List<String> groups) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":["
                + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(","))
                + "],\"iat\":" + now + ",\"exp\":" + (now + 7200) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package org.omnitill.rest.internal;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.Variant;
import javax.ws.rs.ext.RuntimeDelegate;

/**
 * Just enough of a JAX-RS runtime for unit tests to build and inspect {@link Response}s (status,
 * entity, headers, media type), so the tests need no CXF or Jersey.
 */
final class TestRuntimeDelegate extends RuntimeDelegate {

    static void install() {
        RuntimeDelegate.setInstance(new TestRuntimeDelegate());
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(javax.ws.rs.core.Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        if (type == MediaType.class) {
            return (HeaderDelegate<T>) new HeaderDelegate<MediaType>() {
                @Override
                public MediaType fromString(String value) {
                    String[] parts = value.split(";")[0].trim().split("/");
                    return new MediaType(parts[0], parts[1]);
                }

                @Override
                public String toString(MediaType value) {
                    StringBuilder s = new StringBuilder(value.getType() + "/" + value.getSubtype());
                    value.getParameters().forEach((k, v) -> s.append(";").append(k).append("=").append(v));
                    return s.toString();
                }
            };
        }
        throw new UnsupportedOperationException("no header delegate for " + type);
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException();
    }

    static final class Builder extends Response.ResponseBuilder {
        private int status = 200;
        private Object entity;
        private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        @Override
        public Response build() {
            return new TestResponse(status, entity, headers);
        }

        @Override
        public Response.ResponseBuilder clone() {
            Builder copy = new Builder();
            copy.status = status;
            copy.entity = entity;
            headers.forEach((k, v) -> copy.headers.put(k, new java.util.ArrayList<>(v)));
            return copy;
        }

        @Override
        public Response.ResponseBuilder status(int status, String reasonPhrase) {
            this.status = status;
            return this;
        }

        @Override
        public Response.ResponseBuilder status(int status) {
            this.status = status;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object entity) {
            this.entity = entity;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object entity, Annotation[] annotations) {
            this.entity = entity;
            return this;
        }

        @Override
        public Response.ResponseBuilder allow(String... methods) {
            return allow(Set.of(methods));
        }

        @Override
        public Response.ResponseBuilder allow(Set<String> methods) {
            headers.putSingle(HttpHeaders.ALLOW, String.join(",", new java.util.TreeSet<>(methods)));
            return this;
        }

        @Override
        public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder encoding(String encoding) {
            return header(HttpHeaders.CONTENT_ENCODING, encoding);
        }

        @Override
        public Response.ResponseBuilder header(String name, Object value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.add(name, value);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> replacement) {
            headers.clear();
            if (replacement != null) {
                headers.putAll(replacement);
            }
            return this;
        }

        @Override
        public Response.ResponseBuilder language(String language) {
            return header(HttpHeaders.CONTENT_LANGUAGE, language);
        }

        @Override
        public Response.ResponseBuilder language(Locale language) {
            return header(HttpHeaders.CONTENT_LANGUAGE, language);
        }

        @Override
        public Response.ResponseBuilder type(MediaType type) {
            headers.putSingle(HttpHeaders.CONTENT_TYPE, type);
            return this;
        }

        @Override
        public Response.ResponseBuilder type(String type) {
            return type(MediaType.valueOf(type));
        }

        @Override
        public Response.ResponseBuilder variant(Variant variant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder contentLocation(URI location) {
            return header(HttpHeaders.CONTENT_LOCATION, location);
        }

        @Override
        public Response.ResponseBuilder cookie(NewCookie... cookies) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder expires(Date expires) {
            return header(HttpHeaders.EXPIRES, expires);
        }

        @Override
        public Response.ResponseBuilder lastModified(Date lastModified) {
            return header(HttpHeaders.LAST_MODIFIED, lastModified);
        }

        @Override
        public Response.ResponseBuilder location(URI location) {
            headers.putSingle(HttpHeaders.LOCATION, location);
            return this;
        }

        @Override
        public Response.ResponseBuilder tag(EntityTag tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder tag(String tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variants(Variant... variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variants(List<Variant> variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder links(Link... links) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(URI uri, String rel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(String uri, String rel) {
            throw new UnsupportedOperationException();
        }
    }

    static final class TestResponse extends Response {
        private final int status;
        private final Object entity;
        private final MultivaluedMap<String, Object> headers;

        TestResponse(int status, Object entity, MultivaluedMap<String, Object> headers) {
            this.status = status;
            this.entity = entity;
            this.headers = new MultivaluedHashMap<>();
            headers.forEach((k, v) -> this.headers.put(k, new java.util.ArrayList<>(v)));
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public StatusType getStatusInfo() {
            Status known = Status.fromStatusCode(status);
            if (known != null) {
                return known;
            }
            return new StatusType() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Status.Family getFamily() {
                    return Status.Family.familyOf(status);
                }

                @Override
                public String getReasonPhrase() {
                    return "";
                }
            };
        }

        @Override
        public Object getEntity() {
            return entity;
        }

        @Override
        public <T> T readEntity(Class<T> entityType) {
            return entityType.cast(entity);
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
            return entityType.cast(entity);
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return entity != null;
        }

        @Override
        public boolean bufferEntity() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public MediaType getMediaType() {
            Object type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            return type instanceof MediaType m ? m : type == null ? null : MediaType.valueOf(type.toString());
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public Set<String> getAllowedMethods() {
            String allow = getHeaderString(HttpHeaders.ALLOW);
            if (allow == null) {
                return Set.of();
            }
            return java.util.Arrays.stream(allow.split(",")).map(String::trim)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            return Map.of();
        }

        @Override
        public EntityTag getEntityTag() {
            return null;
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public Date getLastModified() {
            return null;
        }

        @Override
        public URI getLocation() {
            Object location = headers.getFirst(HttpHeaders.LOCATION);
            return location == null ? null : URI.create(location.toString());
        }

        @Override
        public Set<Link> getLinks() {
            return Set.of();
        }

        @Override
        public boolean hasLink(String relation) {
            return false;
        }

        @Override
        public Link getLink(String relation) {
            return null;
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            return null;
        }

        @Override
        public MultivaluedMap<String, Object> getMetadata() {
            return headers;
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            MultivaluedMap<String, String> strings = new MultivaluedHashMap<>();
            headers.forEach((k, v) -> v.forEach(value -> strings.add(k, String.valueOf(value))));
            return strings;
        }

        @Override
        public String getHeaderString(String name) {
            List<Object> values = headers.get(name);
            if (values == null) {
                return null;
            }
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }
}

package org.omnitill.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The runtime's own exceptions (unknown path, wrong method, wrong media type) through the same
 * {@link ErrorMapping}. CXF picks the exception mapper closest to the exception's type, and its
 * built-in one for {@link WebApplicationException} is closer than {@code ExceptionMapper<Throwable>};
 * an application mapper for the same type wins over the built-in one.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(WebApplicationExceptionMapper.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    public static final String NAME = "omnitill.errors.web";

    private final ObjectMapper json = OmnitillJson.newMapper();

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ErrorMapping.toResponse(ErrorMapping.map(exception), json);
    }
}

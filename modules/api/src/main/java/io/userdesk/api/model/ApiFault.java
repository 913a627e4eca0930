package io.userdesk.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Partner Center's error body (reference §2.1): a numeric {@code code}, a {@code description}, optional {@code data}
 * and the {@code source} service. The documented schema says {@code code} is a string but every example is a number;
 * it is written as a number here.
 */
public class ApiFault {
    private int code;
    private String description;
    private List<String> data = new ArrayList<>();
    private String source;

    public ApiFault() {
    }

    public ApiFault(int code, String description, List<String> data, String source) {
        this.code = code;
        this.description = description;
        this.data = data == null ? new ArrayList<>() : new ArrayList<>(data);
        this.source = source;
    }

    public int getCode() { return code; }
    public void setCode(int code) { this.code = code; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getData() { return data; }
    public void setData(List<String> data) { this.data = data; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }

    @Override
    public String toString() {
        return "ApiFault[code=" + code + ", description=" + description + ", source=" + source + "]";
    }
}

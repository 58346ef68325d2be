package io.selfeval.load;

/** Where things live under a warehouse root. */
public record Warehouse(String root) {

  public String table(String name) {
    return root + "/delta/" + name;
  }

  public String stagingRecords() {
    return root + "/staging/records";
  }

  public String stagingOutcomes() {
    return root + "/staging/document_outcomes";
  }
}

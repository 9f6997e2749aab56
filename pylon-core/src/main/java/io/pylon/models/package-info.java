/**
 * Built-in networks and the name-to-factory registry the trainer creates them through. Each model is a
 * libtorch {@link org.bytedeco.pytorch.Module} sized from the data's {@link io.pylon.data.DataSpec} and
 * configured by its own params record, which the config binder fills from the {@code model:} section;
 * {@link io.pylon.models.Models#paramsType} tells the binder which record that is.
 */
package io.pylon.models;

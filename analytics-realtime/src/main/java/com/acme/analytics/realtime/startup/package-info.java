/**
 * The start of the web module, told to the beans that must run from the start (feeds, schedules) in a way that
 * works the same on Payara Micro, Payara Server and WildFly, in the WAR and in the EAR.
 */
package com.acme.analytics.realtime.startup;
